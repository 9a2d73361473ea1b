import { appendFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { projectRoot } from '../../src/sdk';
import { createPostgresDatabase, databaseMissing, withClient } from '../kit/databases';
import { fixtureTenantsFor, TEST_SECRETS } from '../kit/gateway';
import { runGatewayCommand, startInstance, type Instance } from '../kit/instances';
import { dropRedisKeys } from '../kit/redis-prefix';
import { redisMissing } from '../kit/redis-probe';
import { describeUnless } from '../kit/skip';

const REDIS_URL = process.env.SCALE_REDIS_URL ?? 'redis://127.0.0.1:6379';
const JOB_PROBE = join(projectRoot(), 'test', 'scale', 'fixtures', 'job-probe', 'plugin.ts');

const suite = describeUnless(databaseMissing('postgres') ?? redisMissing(REDIS_URL));

/** alpha gets a small rate budget that barely refills; beta serves the cache test. */
function scaleTenants(): string {
  const dir = fixtureTenantsFor(['catalog']);
  appendFileSync(join(dir, 'alpha.yaml'), '\nlimits:\n  rateBucketSize: 60\n  rateRestorePerSecond: 0.1\n');
  return dir;
}

const adminToken = (tenant: string, secret: string) =>
  new SignJWT({ tenant, roles: ['admin'], scopes: ['read_products', 'write_products'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('scale-test')
    .setIssuer('retail-gateway')
    .setAudience('retail-gateway-admin')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));

suite('two gateway instances on one Postgres and one Redis', () => {
  const prefix = `rg-scale-${randomBytes(4).toString('hex')}:`;
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let a: Instance;
  let b: Instance;

  const graphql = async <T = unknown>(
    instance: Instance,
    query: string,
    variables: object,
    auth: Record<string, string>,
  ) => {
    const res = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      cache: res.headers.get('x-cache'),
      body: (await res.json()) as { data: T; errors?: { extensions: { code: string } }[] },
    };
  };

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      TENANTS_DIR: scaleTenants(),
      GATEWAY_PLUGIN_PATHS: JOB_PROBE,
      STOREFRONT_CACHE_TTL_MS: '600000',
    };
    // As in docker-compose.yml: a one-shot migration, then the replicas.
    await runGatewayCommand(['migrate', 'up'], env);
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await dropRedisKeys(REDIS_URL, prefix);
  }, 60_000);

  it("shares a tenant's rate budget: spent through one instance, the other answers 429", async () => {
    const auth = { 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN };
    const query = '{ products(first: 5) { nodes { id title } } }';
    const statuses: number[] = [];
    while (statuses.length < 60 && statuses.at(-1) !== 429) statuses.push((await graphql(a, query, {}, auth)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(1);
    const other = await graphql(b, query, {}, auth);
    expect([other.status, other.body.errors?.[0].extensions.code]).toEqual([429, 'THROTTLED']);
  });

  it('a write through one instance invalidates the cached storefront read on the other', async () => {
    const adminAuth = { authorization: `Bearer ${await adminToken('beta', TEST_SECRETS.TEST_BETA_JWT_SECRET)}` };
    const shopper = { 'x-storefront-token': TEST_SECRETS.TEST_BETA_STOREFRONT_TOKEN };
    const created = await graphql<{ productCreate: { product: { id: string; handle: string } } }>(
      b,
      'mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id handle } userErrors { message } } }',
      { input: { title: 'Trail Mug', status: 'ACTIVE' } },
      adminAuth,
    );
    const { id, handle } = created.body.data.productCreate.product;
    const read = 'query($handle: String!) { product(handle: $handle) { title } }';
    expect((await graphql<{ product: { title: string } }>(a, read, { handle }, shopper)).body.data.product.title).toBe(
      'Trail Mug',
    );
    const cached = await graphql<{ product: { title: string } }>(a, read, { handle }, shopper);
    expect([cached.cache, cached.body.data.product.title]).toEqual(['hit', 'Trail Mug']);

    const updated = await graphql<{ productUpdate: { userErrors: unknown[] } }>(
      b,
      'mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { userErrors { message } } }',
      { input: { id, title: 'Summit Mug' } },
      adminAuth,
    );
    expect(updated.body.data.productUpdate.userErrors).toEqual([]);
    expect((await graphql<{ product: { title: string } }>(a, read, { handle }, shopper)).body.data.product.title).toBe(
      'Summit Mug',
    );
  });

  it('shares automatic persisted queries: registered on one instance, found by hash on the other', async () => {
    const shopper = { 'x-storefront-token': TEST_SECRETS.TEST_BETA_STOREFRONT_TOKEN };
    const query = '{ products(first: 2) { nodes { handle } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const send = (instance: Instance, body: object) =>
      fetch(`${instance.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...shopper },
        body: JSON.stringify({ ...body, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      }).then((res) => res.json() as Promise<{ data?: unknown; errors?: { message: string }[] }>);
    expect((await send(b, {})).errors?.[0].message).toBe('PersistedQueryNotFound');
    expect((await send(a, { query })).errors).toBeUndefined();
    const byHash = await send(b, {});
    expect([byHash.errors, byHash.data]).toEqual([undefined, { products: { nodes: expect.any(Array) } }]);
  });

  it('runs a job enqueued on one instance exactly once across both', async () => {
    const enqueued = await Promise.all(
      [a, a, b].map(async (instance) => {
        const res = await fetch(`${instance.url}/plugins/job-probe/tasks`, { method: 'POST' });
        return ((await res.json()) as { id: number }).id;
      }),
    );
    const runsOf = () =>
      withClient(database.url, async (c) => {
        const { rows } = await c.query<{ task_id: number; runs: number }>(
          'select task_id, count(*)::int as runs from job_probe_runs group by task_id',
        );
        const pending = await c.query<{ n: number }>('select count(*)::int as n from job_probe_tasks where not done');
        return { runs: new Map(rows.map((r) => [r.task_id, r.runs])), pending: pending.rows[0].n };
      });
    let state = await runsOf();
    for (let i = 0; i < 100 && state.pending > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await runsOf();
    }
    expect(state.pending).toBe(0);
    // A few more ticks on both instances: nothing runs twice.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    state = await runsOf();
    expect(enqueued.map((task) => state.runs.get(task))).toEqual([1, 1, 1]);
  });

  it('runs a job marked everyInstance on both instances', async () => {
    const pids = await withClient(database.url, (c) =>
      c.query<{ pid: number }>('select distinct pid from job_probe_heartbeats order by pid'),
    );
    expect(pids.rows.map((r) => r.pid).sort()).toEqual([a.process.pid, b.process.pid].sort());
  });
});
