import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { fixtureTenantsFor, TEST_SECRETS } from '../kit/gateway';
import { startInstance, type Instance } from '../kit/instances';
import { scrape, valueOf } from '../observability/prometheus';

const MISBEHAVING = join(projectRoot(), 'test', 'fixtures', 'plugins', 'misbehaving', 'plugin.ts');

describe('the server process under SIGTERM', () => {
  let server: Instance;
  let base: string;
  const post = (query: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN },
      body: JSON.stringify({ query }),
    });

  beforeAll(async () => {
    server = await startInstance({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rg-shutdown-')),
      GATEWAY_PLUGIN_PATHS: MISBEHAVING,
      TENANTS_DIR: fixtureTenantsFor(['core', 'misbehaving']),
      SHUTDOWN_GRACE_MS: '8000',
    });
    base = server.url;
  }, 180_000);
  afterAll(() => {
    if (server?.process.exitCode === null) server.process.kill('SIGKILL');
  });

  it('logs and counts a leaked promise rejection and keeps serving', async () => {
    const res = await post('{ faultyLeak }');
    expect(await res.json()).toMatchObject({ data: { faultyLeak: 'leaked' } });
    let count = 0;
    for (let i = 0; i < 20 && count === 0; i++) {
      count = valueOf(await scrape(server.adminUrl), 'gateway_unhandled_rejections_total');
      if (count === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(count).toBe(1);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  });

  it('finishes the request in flight, refuses new ones, and exits 0', async () => {
    const slow = post('{ faultySlow(ms: 2000) }');
    await new Promise((r) => setTimeout(r, 500));
    server.process.kill('SIGTERM');
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
    expect(await server.exited).toBe(0);
  }, 30_000);
});
