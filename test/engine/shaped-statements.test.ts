import { sql, WithSchemaPlugin, type KyselyPlugin, type Kysely } from 'kysely';
import { runPrepared, runShaped } from '../../src/db/shaped-statements';
import { createDatabase, type Database } from '../../src/db/database';
import { MAX_UNASKED } from '../../src/db/pg-connection';
import { createPostgresDatabase, createTestDatabase, databaseMissing } from '../kit/databases';
import { describeUnless } from '../kit/skip';

interface Row {
  id: number;
  name: string;
}

/** Counts the statements a handle sends; refuses them once `closed` is set. */
class Gatekeeper implements KyselyPlugin {
  count = 0;
  closed = false;
  transformQuery<T>({ node }: { node: T }): T {
    if (this.closed) throw new Error('handle closed');
    this.count += 1;
    return node;
  }
  async transformResult<R>({ result }: { result: R }): Promise<R> {
    return result;
  }
}

const namesOf = (conn: Kysely<unknown>, ids: number[], key = 'items by id') =>
  runShaped<Row>(conn, key, [ids], (db: Kysely<{ items: Row }>, [idList]) =>
    db
      .selectFrom('items')
      .select(['id', 'name'])
      .where('id', '=', (eb) => eb.fn.any(eb.val(idList as number[])))
      .orderBy('id'),
  ).then((rows) => rows.map((r) => r.name));

/** The same look-up written as a `sql` template, a shape as well. */
const nameOf = (conn: Kysely<unknown>, id: number) =>
  runShaped<Row>(
    conn,
    'item by id, as sql',
    [id],
    (_db, [slot]) => sql<Row>`select name from items where id = ${slot}`,
  ).then((rows) => rows.map((r) => r.name));

describe('statements compiled once per shape', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await sql`create table items (id int primary key, name text not null)`.execute(database.db);
    await sql`insert into items values (1, 'one'), (2, 'two'), (3, 'three')`.execute(database.db);
    await sql`create schema other`.execute(database.db);
    await sql`create table other.items (id int primary key, name text not null)`.execute(database.db);
    await sql`insert into other.items values (1, 'uno'), (2, 'dos')`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('run each time with that run’s values, and every run passes through the handle’s plugins', async () => {
    const gate = new Gatekeeper();
    const conn = database.db.withPlugin(gate);
    expect(await namesOf(conn, [1, 3])).toEqual(['one', 'three']);
    expect(await namesOf(conn, [2])).toEqual(['two']);
    expect(await namesOf(conn, [])).toEqual([]);
    expect(await nameOf(conn, 2)).toEqual(['two']);
    expect(await nameOf(conn, 3)).toEqual(['three']);
    expect(gate.count).toBe(5);
    gate.closed = true;
    await expect(namesOf(conn, [1])).rejects.toThrow('handle closed');
    await expect(nameOf(conn, 1)).rejects.toThrow('handle closed');
    expect(gate.count).toBe(5);
  });

  it('compile the rewrite of a plugin that rewrites the statement', async () => {
    expect(await namesOf(database.db, [1, 2], 'items in schema')).toEqual(['one', 'two']);
    const other = database.db.withPlugin(new WithSchemaPlugin('other'));
    expect(await namesOf(other, [1, 2], 'items in schema')).toEqual(['uno', 'dos']);
  });
});

/** The statements the session of `conn` has prepared on the server. */
const preparedOn = async (conn: Kysely<unknown>) =>
  (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(conn))
    .rows;

const planCacheMode = async (conn: Kysely<unknown>) =>
  (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(conn)).rows[0].plan_cache_mode;

describeUnless(databaseMissing('postgres'))('compiled shapes as prepared statements [postgres]', () => {
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
      expect(await nameOf(conn, 1)).toEqual(['one']);
      expect(await nameOf(conn, 3)).toEqual(['three']);
      const shapes = (await preparedOn(conn)).filter((p) => /from "?items/.test(p.statement));
      expect(shapes).toHaveLength(2);
      for (const shape of shapes) expect(shape.name).toMatch(/^rg_[0-9a-f]{16}$/);
      expect(await planCacheMode(conn)).toBe('force_generic_plan');
    });
  });

  it('include statements built per request whose values are all parameters', async () => {
    const { requests } = await open(false);
    await requests.connection().execute(async (conn) => {
      const above = (min: number) =>
        runPrepared(conn, sql<Row>`select name from items where id > ${min} order by id`).then((rows) =>
          rows.map((r) => r.name),
        );
      expect(await above(1)).toEqual(['two', 'three']);
      expect(await above(2)).toEqual(['three']);
      const prepared = (await preparedOn(conn)).filter((p) => p.statement.includes('where id >'));
      expect(prepared).toHaveLength(1);
      expect(prepared[0].name).toMatch(/^rg_[0-9a-f]{16}$/);
    });
  });

  it('include, unasked, every statement that takes values, but not those answering whole rows', async () => {
    const { requests } = await open(false);
    await requests.connection().execute(async (conn) => {
      await sql`insert into items values (${10}, ${'ten'})`.execute(conn);
      await sql`update items set name = ${'TEN'} where id = ${10}`.execute(conn);
      await sql`update items set name = ${'Ten'} where id = ${10}`.execute(conn);
      await sql`select count(*) from items where id > ${0}`.execute(conn);
      // Whole rows: after a migration adds a column, a prepared one would fail.
      await sql`select * from items where id = ${10}`.execute(conn);
      await sql`select i.* from items i where id = ${10}`.execute(conn);
      await sql`update items set name = ${'ten'} where id = ${10} returning *`.execute(conn);
      // No values: nothing to gain.
      await sql`select name from items order by id`.execute(conn);
      const prepared = (await preparedOn(conn)).filter((p) => p.statement.includes('items'));
      expect(prepared.map((p) => p.statement).sort()).toEqual([
        'insert into items values ($1, $2)',
        'select count(*) from items where id > $1',
        'update items set name = $1 where id = $2',
      ]);
      const { rows } = await sql<Row>`select id, name from items where id = ${10}`.execute(conn);
      expect(rows).toEqual([{ id: 10, name: 'ten' }]);
    });
  });

  it('prepare at most MAX_UNASKED texts unasked on a connection; the rest run unnamed', async () => {
    const { requests } = await open(false);
    await requests.connection().execute(async (conn) => {
      for (let i = 0; i <= MAX_UNASKED; i += 1) {
        const { rows } = await sql<{ n: number }>`select ${sql.lit(i)}::int as n where ${true}`.execute(conn);
        expect(rows).toEqual([{ n: i }]);
      }
      const unasked = (await preparedOn(conn)).filter((p) => p.statement.includes('::int as n'));
      expect(unasked).toHaveLength(MAX_UNASKED);
      expect(await nameOf(conn, 2)).toEqual(['two']);
      expect((await preparedOn(conn)).filter((p) => p.statement.includes('select name from items'))).toHaveLength(1);
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
