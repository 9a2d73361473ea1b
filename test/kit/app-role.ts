import { sql, type Kysely } from 'kysely';

/** The role requests run as (core/0001_app_role): row-level security applies to it. */
export const APP_ROLE = 'gateway_app';

/** Runs `fn` on one connection as the application role (for `tenant`, or none), in a transaction always rolled back. */
export async function asApp<T>(
  db: Kysely<unknown>,
  tenant: string | null,
  fn: (conn: Kysely<unknown>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      await sql`select set_config('role', ${APP_ROLE}, true)`.execute(conn);
      if (tenant) await sql`select set_config('app.tenant_id', ${tenant}, true)`.execute(conn);
      return await fn(conn);
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
}
