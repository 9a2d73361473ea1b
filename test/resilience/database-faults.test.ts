import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { join } from 'node:path';
import { createDatabase, type Database } from '../../src/db/database';
import { projectRoot } from '../../src/sdk';
import { createTestDatabase, databaseMissing, type TestDatabase } from '../kit/databases';
import { describeUnless } from '../kit/skip';
import { loadEnv } from '../../src/config/env';
import { createGateway } from '../../src/engine/gateway';
import { fixtureTenantsFor, pluginPath, startTestGateway, TEST_SECRETS, type TestGateway } from '../kit/gateway';
import { startTcpProxy, type TcpProxy } from '../kit/tcp-proxy';
import { scrape, valueOf } from '../observability/prometheus';

const MISBEHAVING = join(projectRoot(), 'test', 'fixtures', 'plugins', 'misbehaving', 'plugin.ts');
const describePostgres = describeUnless(databaseMissing('postgres'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const COUNT = 'query($body: String!) { fixtureNoteCount(body: $body) }';
const ADD = 'mutation($body: String!, $pauseMs: Int) { addFixtureNotes(body: $body, pauseMs: $pauseMs) { id } }';

type Answer = Awaited<ReturnType<TestGateway['graphql']>>;
const codeOf = (res: Answer) => res.body.errors?.[0]?.extensions?.code ?? 'OK';
/**
 * The request pool's size. Requests that must succeed come at most this many at once: more would wait
 * for a slot, and the short connect timeout these tests need would fail them on a busy machine.
 */
const POOL = 4;

describePostgres('database faults between the gateway and Postgres', () => {
  let target: TestDatabase;
  let proxy: TcpProxy;
  let database: Database;
  let t: TestGateway;
  const ask = (query: string, variables: Record<string, unknown> = {}) =>
    t.graphql(query, variables, t.storefront('alpha'));
  const many = (n: number, query: string, variables?: Record<string, unknown>) =>
    Promise.all(Array.from({ length: n }, () => ask(query, variables)));
  /** Rows as Postgres holds them, read around the proxy. */
  const storedNotes = async (body: string) => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from fixture_notes where body = ${body}`.execute(
      target.db,
    );
    return Number(rows[0].n);
  };
  const readiness = async () => {
    const res = await fetch(`${t.adminUrl}/readyz`);
    return { status: res.status, text: await res.text() };
  };
  const untilReady = async () => {
    for (let i = 0; i < 50; i++) {
      if ((await readiness()).status === 200) return;
      await sleep(200);
    }
    throw new Error('the gateway did not become ready again');
  };

  beforeAll(async () => {
    target = await createTestDatabase('postgres');
    const url = new URL(target.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    database = await createDatabase({
      url: proxy.urlFor(target.url!),
      poolMax: POOL,
      connectTimeoutMs: 500,
      statementTimeoutMs: 1000,
    });
    t = await startTestGateway({
      kind: 'postgres',
      plugins: ['core', MISBEHAVING],
      tenantsDir: fixtureTenantsFor(['core', 'misbehaving']),
      database: database,
    });
  });
  afterEach(async () => {
    await proxy.recover();
  });
  afterAll(async () => {
    await t?.close();
    await database?.close().catch(() => undefined);
    await proxy?.close();
    await target?.close();
  });

  it('serves concurrent requests through the proxy', async () => {
    const answers = await many(POOL, COUNT, { body: 'none' });
    expect(answers.map((a) => [a.status, a.body.data])).toEqual(
      Array.from({ length: POOL }, () => [200, { fixtureNoteCount: 0 }]),
    );
    const samples = await scrape(t.adminUrl);
    const requests = valueOf(samples, 'gateway_db_pool_connections', { pool: 'requests', state: 'total' });
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(4);
  });

  it('answers SERVICE_UNAVAILABLE while the database refuses connections, 503 readiness, then recovers', async () => {
    await proxy.refuse();
    const answers = await many(8, COUNT, { body: 'none' });
    expect(answers.map((a) => [a.status, codeOf(a)])).toEqual(
      Array.from({ length: 8 }, () => [503, 'SERVICE_UNAVAILABLE']),
    );
    expect(JSON.stringify(answers.map((a) => a.body))).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|5432/);
    await sleep(1100); // past the readiness cache
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text).dependencies[0]).toEqual({
      name: 'database (postgres)',
      ok: false,
      detail: 'unreachable',
    });
    expect(down.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|5432/);

    await proxy.recover();
    await untilReady();
    const again = await many(POOL, COUNT, { body: 'none' });
    expect(again.every((a) => a.status === 200 && codeOf(a) === 'OK')).toBe(true);
  });

  it('fails the requests whose link drops mid-query, and the next ones succeed', async () => {
    const pending = many(4, '{ faultyDbSleep(ms: 800) }');
    await sleep(300);
    proxy.cut();
    const answers = await pending;
    expect(answers.map((a) => [a.status, codeOf(a)])).toEqual(
      Array.from({ length: 4 }, () => [503, 'SERVICE_UNAVAILABLE']),
    );
    const again = await many(POOL, COUNT, { body: 'none' });
    expect(again.map((a) => codeOf(a))).toEqual(Array.from({ length: POOL }, () => 'OK'));
  });

  it('applies no half of a mutation whose link drops mid-transaction', async () => {
    const body = `cut-${randomUUID()}`;
    const pending = many(3, ADD, { body, pauseMs: 600 });
    await sleep(250);
    proxy.cut();
    const answers = await pending;
    expect(answers.map((a) => [a.body.data ?? null, codeOf(a)])).toEqual(
      Array.from({ length: 3 }, () => [null, 'SERVICE_UNAVAILABLE']),
    );
    expect(await storedNotes(body)).toBe(0);
    // The same mutation goes through whole once the link is back.
    const ok = await ask(ADD, { body });
    expect(codeOf(ok)).toBe('OK');
    expect(await storedNotes(body)).toBe(2);
    expect((await ask(COUNT, { body })).body.data).toEqual({ fixtureNoteCount: 2 });
  });

  it('fails fast when the database accepts but never answers (black hole), then recovers', async () => {
    proxy.stall();
    const answers = await many(6, COUNT, { body: 'none' });
    expect(answers.map((a) => [a.status, codeOf(a)])).toEqual(
      Array.from({ length: 6 }, () => [503, 'SERVICE_UNAVAILABLE']),
    );
    await sleep(1100);
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text).dependencies[0].detail).toMatch(/^(unreachable|no answer in time)$/);

    await proxy.recover();
    await untilReady();
    // More requests than pool slots, one after another: a stalled client put back in the pool would
    // answer late, out of turn, or never.
    for (let i = 0; i < 12; i++) {
      const res = await ask(COUNT, { body: 'none' });
      expect([res.status, res.body.data]).toEqual([200, { fixtureNoteCount: 0 }]);
    }
  });

  it('answers SERVICE_UNAVAILABLE to requests that find the pool exhausted, and TIMEOUT past the statement timeout', async () => {
    const answers = await many(8, '{ faultyDbSleep(ms: 900) }');
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'OK').length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 'SERVICE_UNAVAILABLE').length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 'OK' || c === 'SERVICE_UNAVAILABLE')).toBe(true);

    const slow = await ask('{ faultyDbSleep(ms: 3000) }');
    expect(codeOf(slow)).toBe('TIMEOUT');
    expect((await ask(COUNT, { body: 'none' })).status).toBe(200);
  });

  it('answers slowly but correctly over a slow link', async () => {
    proxy.delay(50);
    const answers = await many(4, COUNT, { body: 'none' });
    expect(answers.map((a) => a.body.data)).toEqual(Array.from({ length: 4 }, () => ({ fixtureNoteCount: 0 })));
  });
});

describePostgres('a gateway started while its database is down', () => {
  it('serves probes, is not ready, migrates in the background and becomes ready when the database comes up', async () => {
    const target = await createTestDatabase('postgres');
    const url = new URL(target.url!);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.refuse();
    const database = await createDatabase({ url: proxy.urlFor(target.url!), connectTimeoutMs: 500 });
    const env = loadEnv({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      TENANTS_DIR: fixtureTenantsFor(['core', 'misbehaving']),
    });
    const gateway = await createGateway({
      env,
      plugins: [pluginPath('core'), MISBEHAVING],
      database,
      migrate: 'retry',
    });
    try {
      const { port } = await gateway.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${port}`;
      const adminBase = `http://127.0.0.1:${(await gateway.listenAdmin(0, '127.0.0.1')).port}`;
      expect(gateway.migrated).toEqual([]);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, checks: { migrations: 'failing' } });
      const detailed = await fetch(`${adminBase}/readyz`);
      expect(detailed.status).toBe(503);
      const status = (await detailed.json()) as { dependencies: { name: string; ok: boolean; detail: string }[] };
      expect(status.dependencies).toContainEqual({ name: 'migrations', ok: false, detail: 'waiting for the database' });
      const refused = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN },
        body: JSON.stringify({ query: '{ faultyOk }' }),
      });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'SERVICE_UNAVAILABLE',
      );

      await proxy.recover();
      expect(await gateway.migrations).toContain('misbehaving/0001_fixture_notes');
      await sleep(1100); // past the readiness cache
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const served = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN },
        body: JSON.stringify({ query: '{ fixtureNoteCount(body: "x") }' }),
      });
      expect(await served.json()).toMatchObject({ data: { fixtureNoteCount: 0 } });
    } finally {
      await gateway.stop();
      await database.close();
      await proxy.close();
      await target.close();
    }
  });
});
