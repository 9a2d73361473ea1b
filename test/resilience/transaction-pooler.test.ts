import type { Kysely } from 'kysely';
import { capabilitiesOf } from '../../src/db/connection';
import { createDatabase, type Database } from '../../src/db/database';
import { loadEnv } from '../../src/config/env';
import { createDatabaseFromEnv } from '../../src/engine/gateway';
import { createLogger } from '../../src/observability/logger';
import { createPostgresDatabase, withClient } from '../kit/databases';
import { startTestGateway, type TestGateway } from '../kit/gateway';
import { pgBouncerMissing, startPgBouncer, type PgBouncer } from '../kit/pgbouncer';
import { describeUnless } from '../kit/skip';
import { startTcpProxy } from '../kit/tcp-proxy';
import { GUESTBOOK, codeOf, send, tenantsWith } from '../protection/harness';

const suite = describeUnless(pgBouncerMissing());

/** Whether a connection taken from `db` now may keep a session stamp. */
const keepsSessionStamps = (db: Kysely<unknown>) =>
  db
    .connection()
    .execute(async (conn) => capabilitiesOf(await conn.getExecutor().provideConnection(async (c) => c)).stamps);

const ENTRIES = 6;
const LIST = '{ guestbook(first: 50, sortKey: OLDEST) { nodes { message } } }';
const UNLIMITED = 'limits: { rateBucketSize: 1000000, rateRestorePerSecond: 100000 }';
const entriesOf = (tenant: string) =>
  Array.from({ length: ENTRIES }, (_, i) => ({ message: `${tenant} entry ${i + 1}` }));

/**
 * The gateway started as `serve` starts it (its database from the environment), with DATABASE_URL naming
 * a real PgBouncer in transaction mode and DATABASE_TRANSACTION_POOLER unset.
 */
suite('behind PgBouncer in transaction mode, DATABASE_TRANSACTION_POOLER unset [postgres]', () => {
  let bouncer: PgBouncer;
  let target: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let database: Database;
  let t: TestGateway;

  beforeAll(async () => {
    bouncer = await startPgBouncer({ poolSize: 3 });
    target = await createPostgresDatabase();
    const { DATABASE_TRANSACTION_POOLER: _unset, ...inherited } = process.env;
    const env = loadEnv({
      ...inherited,
      NODE_ENV: 'test',
      DATABASE_URL: bouncer.through(target.url),
      DATABASE_STATEMENT_TIMEOUT_MS: '500',
    });
    database = await createDatabaseFromEnv(env, createLogger('silent'));
    t = await startTestGateway({
      kind: 'postgres',
      database,
      plugins: ['core', GUESTBOOK],
      tenantsDir: tenantsWith(['guestbook'], { alpha: UNLIMITED, beta: UNLIMITED }),
    });
    await withClient(target.url, (admin) =>
      admin.query(
        `insert into guestbook_entries (tenant_id, message)
         select tenant, tenant || ' entry ' || i from generate_series(1, $1::int) i, unnest(array['alpha', 'beta']) tenant
         order by i, tenant`,
        [ENTRIES],
      ),
    );
  });
  afterAll(async () => {
    await t?.close();
    await database?.close();
    await target?.drop();
    await bouncer?.stop();
  });

  it('many interleaved reads of two tenants each see exactly their own rows', async () => {
    for (let wave = 0; wave < 3; wave++) {
      const tenants = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'alpha' : 'beta'));
      const answers = await Promise.all(
        tenants.map(async (tenant) => ({ tenant, res: await t.graphql(LIST, {}, t.storefront(tenant)) })),
      );
      for (const { tenant, res } of answers) {
        expect({ tenant, errors: res.body.errors, data: res.body.data }).toEqual({
          tenant,
          errors: undefined,
          data: { guestbook: { nodes: entriesOf(tenant) } },
        });
      }
    }
  });

  it("switched itself to the transaction-pooler mode and says so in the operators' /readyz", async () => {
    expect(database.pooling()).toEqual({ mode: 'transaction', source: 'detected' });
    const ready = await send(`${t.adminUrl}/readyz`);
    const dependencies = (ready.json as unknown as { dependencies: { name: string; ok: boolean; detail: string }[] })
      .dependencies;
    expect(dependencies.find((d) => d.name === 'database (postgres)')).toEqual({
      name: 'database (postgres)',
      ok: true,
      detail: expect.stringContaining('transaction pooler detected'),
    });
  });

  it('still cancels a slow statement with TIMEOUT, though PgBouncer drops the statement_timeout parameter', async () => {
    const res = await t.graphql('{ slowQuery(seconds: 4) }', undefined, t.storefront('alpha'));
    expect(codeOf(res)).toBe('TIMEOUT');
    const running = await withClient(target.url, (admin) =>
      admin.query(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and state = 'active' and query ilike '%pg_sleep%'
           and pid <> pg_backend_pid()`,
      ),
    );
    expect(running.rows[0].n).toBe(0);
  });
});

suite('detection of a transaction pooler [postgres]', () => {
  let bouncer: PgBouncer;
  let target: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const opened: Database[] = [];
  const warnings: string[] = [];
  const log = createLogger('warn', { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
  const open = async (url: string, transactionPooler?: boolean) => {
    const database = await createDatabase({ url, transactionPooler, log });
    opened.push(database);
    return database;
  };
  beforeAll(async () => {
    bouncer = await startPgBouncer({ poolSize: 2 });
    target = await createPostgresDatabase();
  });
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    await target?.drop();
    await bouncer?.stop();
  });

  it('finds PgBouncer every time, with a warning, and a direct connection never', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      warnings.length = 0;
      expect((await open(bouncer.through(target.url))).pooling()).toEqual({ mode: 'transaction', source: 'detected' });
      expect(warnings).toEqual([expect.stringContaining('transaction pooler detected')]);
      expect((await open(target.url)).pooling()).toEqual({ mode: 'session', source: 'detected' });
      expect(warnings).toHaveLength(1);
    }
  });

  it('keeps requests in transactions while the database is down at start, and checks once it answers', async () => {
    const upstream = new URL(target.url);
    const proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    try {
      await proxy.refuse();
      const database = await createDatabase({ url: proxy.urlFor(target.url), connectTimeoutMs: 500 });
      opened.push(database);
      expect(database.pooling()).toEqual({ mode: 'transaction', source: 'unchecked' });
      await proxy.recover();
      // The first connection is taken before the check it sets off has answered: no stamps on it.
      expect(await keepsSessionStamps(database.requests)).toBe(false);
      for (let wait = 0; wait < 100 && database.pooling()?.source === 'unchecked'; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(database.pooling()).toEqual({ mode: 'session', source: 'detected' });
      expect(await keepsSessionStamps(database.requests)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('is skipped when DATABASE_TRANSACTION_POOLER chooses the mode', async () => {
    expect((await open(bouncer.through(target.url), true)).pooling()).toEqual({
      mode: 'transaction',
      source: 'configured',
    });
    expect((await open(target.url, false)).pooling()).toEqual({ mode: 'session', source: 'configured' });
  });
});

describe('DATABASE_TRANSACTION_POOLER', () => {
  it('is auto unless set to true or false', () => {
    const read = (value?: string) => loadEnv(value === undefined ? {} : { DATABASE_TRANSACTION_POOLER: value });
    expect(read().DATABASE_TRANSACTION_POOLER).toBe('auto');
    expect(read('auto').DATABASE_TRANSACTION_POOLER).toBe('auto');
    expect(read('true').DATABASE_TRANSACTION_POOLER).toBe(true);
    expect(read('0').DATABASE_TRANSACTION_POOLER).toBe(false);
    expect(() => read('pgbouncer')).toThrow('DATABASE_TRANSACTION_POOLER');
  });
});
