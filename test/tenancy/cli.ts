import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';

/** Runs `gateway <args>` as a separate process (the CLI operators use), with the given environment. */
export function runGateway(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = join(projectRoot(), 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(
      tsx,
      [join(projectRoot(), 'src', 'cli', 'main.ts'), ...args],
      { cwd: projectRoot(), env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
