import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

const BINARY = '/usr/sbin/pgbouncer';

export interface PgBouncer {
  /** `url` with its host and port replaced by the pooler's: the same database, through PgBouncer. */
  through(url: string): string;
  stop(): Promise<void>;
}

/** Why PgBouncer cannot run here (for a skip with a reason), or null when it can. */
export function pgBouncerMissing(): string | null {
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set';
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `${BINARY} is not installed (apt-get install pgbouncer)`;
}

/**
 * A real PgBouncer in transaction mode on a free port of 127.0.0.1, in front of the Postgres server that
 * DATABASE_URL names. Each transaction may get another server connection, as in production.
 * Options pg sends at start-up that PgBouncer cannot pass on are ignored, as a production config must.
 */
export async function startPgBouncer(options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const upstream = new URL(process.env.DATABASE_URL!);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rg-pgbouncer-'));
  chmodSync(dir, 0o777); // run as the postgres user when started as root
  const user = decodeURIComponent(upstream.username || 'postgres');
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 4}`,
      'max_client_conn = 500',
      'ignore_startup_parameters = extra_float_digits,statement_timeout,application_name',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
    ].join('\n') + '\n',
  );
  const asRoot = process.getuid?.() === 0;
  const child = spawn(BINARY, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
    stdio: 'ignore',
  });
  await waitForPort(port, child);
  return {
    through(url: string) {
      const target = new URL(url);
      target.hostname = '127.0.0.1';
      target.port = String(port);
      return target.toString();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error('pgbouncer did not listen within 5 s');
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() === socket));
    socket.once('error', () => resolve(false));
  });
}
