/** Starts the servers under test as child processes and reads their CPU time from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../src/sdk';

export interface ServerUnderTest {
  name: string;
  child: ChildProcess;
  port: number;
  /** User + system CPU milliseconds the process has used so far. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** The V8 flags `npm start` and the Dockerfile run the gateway with; the baseline and the soak get the same. */
export const NODE_FLAGS = ['--max-semi-space-size=32'];

/** User + system CPU milliseconds `pid` has used so far (its children not included). */
export function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
}

/** Node's arguments to run `script` (relative to the project root) under tsx with NODE_FLAGS and `nodeArgs`. */
export function serverArgs(script: string, nodeArgs: string[] = []): string[] {
  return [...NODE_FLAGS, ...nodeArgs, '--import', 'tsx', resolve(projectRoot(), script)];
}

/** Runs `script` under node (with tsx) and waits for its `listening <port>` line. */
export function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServerUnderTest> {
  const child = spawn(process.execPath, serverArgs(script, nodeArgs), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (!match) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      resolve({
        name,
        child,
        port: Number(match[1]),
        cpuMs: () => cpuOf(child.pid!),
        stop: async () => {
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
        },
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening:\n${output}`)));
  });
}
