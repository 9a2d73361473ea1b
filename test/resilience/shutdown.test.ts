import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { fixtureTenantsFor, TEST_SECRETS } from '../kit/gateway';
import { scrape, valueOf } from '../observability/prometheus';

const MISBEHAVING = join(projectRoot(), 'test', 'fixtures', 'plugins', 'misbehaving', 'plugin.ts');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${seen}`)));
  });
}

describe('the server process under SIGTERM', () => {
  let child: ChildProcess;
  let base: string;
  let exited: Promise<number | null>;
  const post = (query: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN },
      body: JSON.stringify({ query }),
    });

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot(), 'src', 'cli', 'main.ts'), 'serve'], {
      cwd: projectRoot(),
      env: {
        ...process.env,
        ...TEST_SECRETS,
        NODE_OPTIONS: '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        GATEWAY_PLUGIN_PATHS: MISBEHAVING,
        TENANTS_DIR: fixtureTenantsFor(['core', 'misbehaving']),
        SHUTDOWN_GRACE_MS: '8000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitForOutput(child, /listening on/, 150_000);
  }, 180_000);
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('logs and counts a leaked promise rejection and keeps serving', async () => {
    const res = await post('{ faultyLeak }');
    expect(await res.json()).toMatchObject({ data: { faultyLeak: 'leaked' } });
    let count = 0;
    for (let i = 0; i < 20 && count === 0; i++) {
      count = valueOf(await scrape(base), 'gateway_unhandled_rejections_total');
      if (count === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(count).toBe(1);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('finishes the request in flight, refuses new ones, and exits 0', async () => {
    const slow = post('{ faultySlow(ms: 2000) }');
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // A new request: either the listener is closed already, or the gate answers 503.
    const late = await post('{ faultyOk }').then(
      (res) => res.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ data: { faultySlow: 'slept 2000 ms' } });
    expect(await exited).toBe(0);
  }, 30_000);
});
