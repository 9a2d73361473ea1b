import { sql, type Kysely } from 'kysely';
import type { TenantDb } from '../sdk';

/**
 * A TenantDb over a connection already in one of the tenant's transactions (a plugin's own, from
 * `withTenant`), so request-scoped code can run there instead of on the request's connection: the
 * embedded database has one connection, which the plugin holds while it waits for that code.
 * `atomic` and `sole` run in a savepoint of that transaction; its statements are not the request's,
 * so they are not counted.
 */
export function tenantDbOn(conn: Kysely<unknown>, tenantId: string): TenantDb {
  let savepoints = 0;
  const atomic = async <DB, T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> => {
    const name = `sp_on_${++savepoints}`;
    await sql`savepoint ${sql.id(name)}`.execute(conn);
    try {
      const result = await fn(conn as Kysely<DB>);
      await sql`release savepoint ${sql.id(name)}`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback to savepoint ${sql.id(name)}`.execute(conn).catch(() => undefined);
      throw error;
    }
  };
  return {
    tenantId,
    get: <DB>() => Promise.resolve(conn as Kysely<DB>),
    atomic,
    sole: atomic,
    statementCount: 0,
  };
}
