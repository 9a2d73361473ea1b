import { sql, type Kysely } from 'kysely';

/** Characters that need no escaping in a literal or an identifier, whatever the server's string settings. */
const PLAIN = /^[A-Za-z0-9_.:-]+$/;

export interface TransactionSettings {
  tenantId: string;
  appRole: string;
  /** Set per transaction on pg: a transaction pooler drops the start-up parameter (connection.ts). */
  timeoutMs: number | undefined;
}

/**
 * Begins a transaction scoped to the tenant (RLS), with a first savepoint when one is wanted. On a
 * connection that `batches`, one round trip: `begin`, the settings and the savepoint go in one
 * simple-protocol message, with the values inlined (only plain ones; others take the step-by-step path).
 */
export async function beginTenantTransaction(
  conn: Kysely<unknown>,
  { tenantId, appRole, timeoutMs }: TransactionSettings,
  batches: boolean,
  savepoint: string | undefined,
): Promise<void> {
  if (batches && PLAIN.test(tenantId) && (!appRole || PLAIN.test(appRole))) {
    const role = appRole ? `, set_config('role', '${appRole}', true)` : '';
    const timeout = timeoutMs ? `, set_config('statement_timeout', '${Math.trunc(timeoutMs)}', true)` : '';
    const then = savepoint ? `; savepoint ${savepoint}` : '';
    await sql
      .raw(`begin; select set_config('app.tenant_id', '${tenantId}', true)${role}${timeout}${then}`)
      .execute(conn);
    return;
  }
  await sql`begin`.execute(conn);
  const settings = [
    sql`set_config('app.tenant_id', ${tenantId}, true)`,
    ...(appRole ? [sql`set_config('role', ${appRole}, true)`] : []),
    ...(timeoutMs ? [sql`set_config('statement_timeout', ${String(Math.trunc(timeoutMs))}, true)`] : []),
  ];
  await sql`select ${sql.join(settings)}`.execute(conn);
  if (savepoint) await sql`savepoint ${sql.id(savepoint)}`.execute(conn);
}
