import { sql, type Kysely } from 'kysely';
import { createDatabase, type Database } from '../../connectors/postgres/database';
import { runShaped } from '../../connectors/postgres/shaped-statements';
import { createPostgresDatabase } from '../kit/databases';

interface Row {
  id: number;
  name: string;
}

const SHAPE = 'prepared items by id';

const namesOf = (conn: Kysely<unknown>, ids: number[]) =>
  runShaped<Row>(conn, SHAPE, [ids], (db: Kysely<{ items: Row }>, [idList]) =>
    db
      .selectFrom('items')
      .select(['id', 'name'])
      .where('id', '=', (eb) => eb.fn.any(eb.val(idList as number[])))
      .orderBy('id'),
  ).then((rows) => rows.map((r) => r.name));

/** The statements the session of `conn` has prepared on the server. */
const preparedOn = async (conn: Kysely<unknown>) =>
  (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(conn))
    .rows;

const planCacheMode = async (conn: Kysely<unknown>) =>
  (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(conn)).rows[0].plan_cache_mode;

(process.env.DATABASE_URL ? describe : describe.skip)('compiled shapes as prepared statements [postgres]', () => {
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const opened: Database[] = [];
  const open = async (transactionPooler: boolean) => {
    const database = await createDatabase({ url: postgres.url, poolMax: 1, transactionPooler });
    opened.push(database);
    return database;
  };
  beforeAll(async () => {
    postgres = await createPostgresDatabase();
    const setup = await open(false);
    await sql`create table items (id int primary key, name text not null)`.execute(setup.db);
    await sql`insert into items values (1, 'one'), (2, 'two'), (3, 'three')`.execute(setup.db);
  });
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    await postgres.drop();
  });

  it('are prepared once on a connection, planned once, and run with each run’s values', async () => {
    const { requests } = await open(false);
    await requests.connection().execute(async (conn) => {
      expect(await namesOf(conn, [1, 3])).toEqual(['one', 'three']);
      expect(await namesOf(conn, [2])).toEqual(['two']);
      const shapes = (await preparedOn(conn)).filter((p) => p.statement.includes('"items"'));
      expect(shapes).toHaveLength(1);
      expect(shapes[0].name).toMatch(/^rg_\d+$/);
      expect(await planCacheMode(conn)).toBe('force_generic_plan');
    });
  });

  it('stay unnamed behind a transaction pooler, where a session does not keep them', async () => {
    const { requests } = await open(true);
    await requests.connection().execute(async (conn) => {
      expect(await namesOf(conn, [1, 2])).toEqual(['one', 'two']);
      expect(await preparedOn(conn)).toEqual([]);
      expect(await planCacheMode(conn)).toBe('auto');
    });
  });
});
