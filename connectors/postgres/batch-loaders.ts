import DataLoader from 'dataloader';
import { sql, type Kysely } from 'kysely';
import type { TenantDb } from '../../src/sdk';

/** Rows grouped by a key, in the order they came. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

// Table names are chosen by the calling plugin from its own typed tables; rows are typed by the caller.
export type AnyDb = Kysely<Record<string, { id: string; tenant_id: string } & Record<string, unknown>>>;

/** Rows of `table` by id: one `id = any($1)` statement per batch, filtered by tenant as well as by RLS. */
export function rowsById<R extends { id: string }>(db: TenantDb, table: string): DataLoader<string, R | null> {
  return new DataLoader<string, R | null>(async (ids) => {
    const conn = await db.get<unknown>();
    const rows = (await (conn as unknown as AnyDb)
      .selectFrom(table)
      .selectAll()
      .where('tenant_id', '=', db.tenantId)
      .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
      .execute()) as unknown as R[];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Child rows of many parents in one statement (`<parent> = any($1)`), ordered by the given columns. */
export function rowsByParent<R extends Record<string, unknown>>(
  db: TenantDb,
  table: string,
  parent: keyof R & string,
  orderBy: readonly string[] = ['id'],
): DataLoader<string, R[]> {
  return new DataLoader<string, R[]>(async (parentIds) => {
    const conn = (await db.get<unknown>()) as unknown as AnyDb;
    let query = conn
      .selectFrom(table)
      .selectAll()
      .where('tenant_id', '=', db.tenantId)
      .where(sql.ref(parent), '=', sql`any(${[...parentIds]})`);
    for (const column of orderBy) query = query.orderBy(column);
    const rows = (await query.execute()) as unknown as R[];
    const groups = groupBy(rows, (row) => String(row[parent]));
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}
