import { createTestDatabase, databaseMissing, withClient, type TestDatabase } from '../kit/databases';
import { describeUnless } from '../kit/skip';
import { startTestGateway, type TestGateway } from '../kit/gateway';
import { GUESTBOOK, codeOf, send, tenantsWith } from './harness';

/** A runaway statement on Postgres: cancelled by statement_timeout, answered as TIMEOUT. */
describeUnless(databaseMissing('postgres'))('statement timeout [postgres]', () => {
  let database: TestDatabase;
  let t: TestGateway;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { statementTimeoutMs: 300 });
    t = await startTestGateway({
      kind: 'postgres',
      database,
      plugins: ['core', GUESTBOOK],
      tenantsDir: tenantsWith(['guestbook']),
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.close();
  });

  it('turns a runaway query into TIMEOUT and cancels it in Postgres', async () => {
    const res = await t.graphql('{ slowQuery(seconds: 30) }', undefined, t.storefront('alpha'));
    const error = res.body.errors?.[0];
    expect(codeOf(res)).toBe('TIMEOUT');
    expect(error?.message).toBe('The operation took too long and was cancelled');
    expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
    expect(JSON.stringify(res.body)).not.toMatch(/pg_sleep|statement timeout|canceling/i);

    const running = await withClient(database.url, (admin) =>
      admin.query(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query ilike '%pg_sleep%'`,
      ),
    );
    expect(running.rows[0].n).toBe(0);

    const next = await t.graphql('{ slowQuery(seconds: 0) }', undefined, t.storefront('alpha'));
    expect(next.body).toMatchObject({ data: { slowQuery: true } });
    expect((await send(`${t.url}/healthz`)).status).toBe(200);
  });
});
