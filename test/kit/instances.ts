import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { TEST_SECRETS } from './gateway';
import { freePort } from './ports';

/** How a gateway process runs: its working folder and node's arguments up to the command's own. */
export interface GatewayProgram {
  cwd: string;
  nodeArgs: string[];
}

/** The sources under tsx, as `npm start` runs them. */
const SOURCES: GatewayProgram = {
  cwd: projectRoot(),
  nodeArgs: ['--import', 'tsx', join(projectRoot(), 'src', 'cli', 'main.ts')],
};

/** The compiled gateway in `dir`, laid out as in the image (dist/ beside package.json, schema/, tenants/). */
export const compiledProgram = (dir: string): GatewayProgram => ({
  cwd: dir,
  nodeArgs: [join(dir, 'dist', 'src', 'cli', 'main.js')],
});

/** `gateway <args>` as a child process with the test secrets, its output piped; an undefined variable is unset. */
function spawnGateway(args: string[], env: Record<string, string | undefined>, program = SOURCES) {
  return spawn(process.execPath, [...program.nodeArgs, ...args], {
    cwd: program.cwd,
    env: { ...process.env, ...TEST_SECRETS, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `gateway <args>` as a real process to its end (bounded), rejecting on a non-zero exit. */
export function runGatewayCommand(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnGateway(args, env);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`gateway ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

export interface Instance {
  url: string;
  /** The operators' listener (ADMIN_PORT): /metrics and the detailed /readyz. */
  adminUrl: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** `gateway serve` as a child process on its own port; resolves once it listens. */
export async function startInstance(
  env: Record<string, string | undefined>,
  timeoutMs = 150_000,
  program = SOURCES,
): Promise<Instance> {
  const port = await freePort();
  let adminPort = await freePort();
  while (adminPort === port) adminPort = await freePort();
  const child = spawnGateway(
    ['serve'],
    { HOST: '127.0.0.1', PORT: String(port), ADMIN_PORT: String(adminPort), ...env },
    program,
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (/listening on/.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}:\n${seen}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    adminUrl: `http://127.0.0.1:${adminPort}`,
    process: child,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
