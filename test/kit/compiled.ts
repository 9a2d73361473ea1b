import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/sdk';

/** A compiled gateway in a temporary folder, laid out as the image's /app. */
export interface CompiledLayout {
  dir: string;
  remove(): void;
}

/**
 * Compiles the gateway with the build's configuration (`npm run build` uses tsconfig.build.json too) into
 * `<tmp>/dist`, beside copies of package.json, schema/ and tenants/ and a link to node_modules: what the
 * Dockerfile's runtime stage holds, so the compiled code must find its files from there, not from the sources.
 */
export async function buildCompiledLayout(timeoutMs = 240_000): Promise<CompiledLayout> {
  const root = projectRoot();
  const dir = mkdtempSync(join(tmpdir(), 'rg-build-'));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', join(dir, 'dist')], {
    cwd: root,
    timeout: timeoutMs,
  });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  for (const folder of ['schema', 'tenants']) cpSync(join(root, folder), join(dir, folder), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
