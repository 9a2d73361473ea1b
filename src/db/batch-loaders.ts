import DataLoader from 'dataloader';
import { sql, type Kysely } from 'kysely';
import type { LoaderContext } from '../sdk';
import { choiceKey, selectColumns } from './columns';
import { runShaped } from './shaped-statements';

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

/**
 * Rows of `table` (behind GraphQL `type`) by id: one `id = any($1)` statement per batch, filtered by
 * tenant as well as by RLS, selecting the columns the request reads of `type`.
 */
export function rowsById<R extends { id: string }>(
  { db, columns, guardBatch }: LoaderContext,
  table: string,
  type: string,
): DataLoader<string, R | null> {
  return new DataLoader<string, R | null>(
    guardBatch(async (ids) => {
      const conn = (await db.get<unknown>()) as unknown as AnyDb;
      const choice = columns(type).with(['id']);
      const key = `byId ${table} ${choiceKey(choice)}`;
      const selected = await runShaped(conn, key, [db.tenantId, [...ids]], (shape: AnyDb, [tenant, idList]) =>
        selectColumns(shape.selectFrom(table), choice)
          .where('tenant_id', '=', tenant as string)
          .where('id', '=', (eb) => eb.fn.any(eb.val(idList as string[]))),
      );
      const rows = choice.guard(selected as unknown as R[]);
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  );
}

/**
 * Child rows of many parents in one statement (`<parent> = any($1)`), ordered by the given columns,
 * selecting the columns the request reads of `type`.
 */
export function rowsByParent<R extends Record<string, unknown>>(
  { db, columns, guardBatch }: LoaderContext,
  table: string,
  type: string,
  parent: keyof R & string,
  orderBy: readonly string[] = ['id'],
): DataLoader<string, R[]> {
  return new DataLoader<string, R[]>(
    guardBatch(async (parentIds) => {
      const conn = (await db.get<unknown>()) as unknown as AnyDb;
      const choice = columns(type).with([parent]);
      const key = `byParent ${table} ${parent} ${orderBy.join(',')} ${choiceKey(choice)}`;
      const selected = await runShaped(conn, key, [db.tenantId, [...parentIds]], (shape: AnyDb, [tenant, idList]) => {
        let query = selectColumns(shape.selectFrom(table), choice)
          .where('tenant_id', '=', tenant as string)
          .where(sql.ref(parent), '=', sql`any(${idList})`);
        for (const column of orderBy) query = query.orderBy(column);
        return query;
      });
      const rows = choice.guard(selected as unknown as R[]);
      const groups = groupBy(rows, (row) => String(row[parent]));
      return parentIds.map((id) => groups.get(id) ?? []);
    }),
  );
}
