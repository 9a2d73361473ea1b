/** Starts bench/soak-server.ts as a child process and samples its memory over IPC. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { projectRoot } from '../src/sdk';
import { serverArgs } from './servers';
import type { SampleRequest, ServerMessage } from './soak-messages';

const MB = 1024 * 1024;

export interface Sample {
  at: string;
  requests: number;
  heapUsedMb: number;
  rssMb: number;
  /** VmRSS from /proc as the soak sees it from outside: a cross-check of `rssMb` (null off Linux). */
  vmRssMb: number | null;
}

export interface SoakServer {
  pid: number;
  port: number;
  /** Forces a GC in the gateway process, then reads its heap and RSS. */
  sample(at: string, requests: number): Promise<Sample>;
  /** SIGTERM (the gateway drains), SIGKILL after 5 s. */
  stop(): Promise<void>;
}

const mb = (bytes: number) => +(bytes / MB).toFixed(1);

/** VmRSS of `pid` in MB, from /proc (null once the process is gone). */
export function vmRssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? mb(Number(kb) * 1024) : null;
  } catch {
    return null;
  }
}

/** Runs the soak's gateway with `env` added to this process's environment; resolves once it listens. */
export function startSoakServer(env: Record<string, string | undefined>): Promise<SoakServer> {
  // The production V8 flags, plus a GC the soak can force.
  const child = spawn(process.execPath, serverArgs('bench/soak-server.ts', ['--expose-gc']), {
    cwd: projectRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Whatever way this process ends, the gateway ends with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const waiting = new Map<
    number,
    { resolve: (m: { heapUsed: number; rss: number }) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  let exitError: Error | undefined;
  const exited = new Promise<Error>((done) =>
    child.once('exit', (code, signal) => {
      exitError = new Error(`soak gateway exited (${signal ?? code})`);
      for (const w of waiting.values()) w.reject(exitError);
      waiting.clear();
      process.off('exit', killOnExit);
      done(exitError);
    }),
  );

  return new Promise((resolveStart, rejectStart) => {
    child.once('error', rejectStart);
    void exited.then(rejectStart);
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'memory') {
        waiting.get(message.id)?.resolve(message);
        waiting.delete(message.id);
        return;
      }
      resolveStart({
        pid: child.pid!,
        port: message.port,
        sample: async (at, requests) => {
          if (exitError) throw exitError;
          const id = nextId++;
          const answer = new Promise<{ heapUsed: number; rss: number }>((res, rej) =>
            waiting.set(id, { resolve: res, reject: rej }),
          );
          child.send({ type: 'sample', id } satisfies SampleRequest);
          const { heapUsed, rss } = await answer;
          return { at, requests, heapUsedMb: mb(heapUsed), rssMb: mb(rss), vmRssMb: vmRssMb(child.pid!) };
        },
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}
