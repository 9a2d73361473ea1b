import { sql, WithSchemaPlugin, type KyselyPlugin, type Kysely } from 'kysely';
import { runShaped } from '../../connectors/postgres/shaped-statements';
import type { Database } from '../../connectors/postgres/database';
import { createTestDatabase } from '../kit/databases';

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
    expect(gate.count).toBe(3);
    gate.closed = true;
    await expect(namesOf(conn, [1])).rejects.toThrow('handle closed');
    expect(gate.count).toBe(3);
  });

  it('compile the rewrite of a plugin that rewrites the statement', async () => {
    expect(await namesOf(database.db, [1, 2], 'items in schema')).toEqual(['one', 'two']);
    const other = database.db.withPlugin(new WithSchemaPlugin('other'));
    expect(await namesOf(other, [1, 2], 'items in schema')).toEqual(['uno', 'dos']);
  });
});
