import { sql } from 'kysely';
import type { AnyDb } from './batch-loaders';

// One row of a tenant's table by id. The table name is the caller's, from its own typed tables, and
// so is the row type; `trx` is any plugin's Kysely handle.

/**
 * The row locked for the rest of the transaction (`for update`), or null. `columns` names them all
 * instead of `*`, so the statement stays prepared when a migration adds one (pg-connection.ts).
 */
export async function lockRow<R>(
  trx: object,
  table: string,
  tenantId: string,
  id: string,
  columns?: readonly string[],
): Promise<R | null> {
  const from = (trx as unknown as AnyDb).selectFrom(table);
  const row = await (columns ? from.select(columns as never) : from.selectAll())
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return (row as R | undefined) ?? null;
}

/** Sets the given columns and stamps `updated_at`; the row as updated, or null when absent. */
export async function updateRow<R>(
  trx: object,
  table: string,
  tenantId: string,
  id: string,
  set: Record<string, unknown>,
): Promise<R | null> {
  const row = await (trx as unknown as AnyDb)
    .updateTable(table)
    .set({ ...set, updated_at: sql`now()` } as never)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return (row as R | undefined) ?? null;
}

/** Deletes the row; false when there was none. */
export async function deleteRow(trx: object, table: string, tenantId: string, id: string): Promise<boolean> {
  const result = await (trx as unknown as AnyDb)
    .deleteFrom(table)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
