import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a binary of node_modules/.bin in the project as a real process (bounded in time) and collects its output. */
export function runBin(
  bin: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(projectRoot(), 'node_modules', '.bin', bin), args, { cwd: projectRoot(), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `gateway <args>` as a real process (bounded in time) and collects its output. */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliResult> {
  const environment = { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env };
  return runBin('tsx', ['src/cli/main.ts', ...args], environment, timeoutMs);
}
