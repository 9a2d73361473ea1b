import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import { connectionOf, pageOf, type ColumnChoice, type CursorValue, type PageArgs, type TenantDb } from '../sdk';
import { choiceKey, selectColumns } from './columns';
import { keysetCursor, keysetPage, keysetSortOf, type SortColumn } from './keyset';

/** A keyset-paginated list of one table's rows: its sorts, and its rows that match a filter. */
export interface TableList<DB, TB extends keyof DB & string, K extends string, F, C extends object> {
  table: TB;
  from(db: Kysely<DB>): SelectQueryBuilder<DB, TB, object>;
  sorts: Record<K | 'ID', SortColumn>;
  /** The values the filtered query compares with, the tenant's id among them. */
  conditions(tenantId: string, filter: F): C;
  /** Narrows `query` to the rows that match. Conditions may stand in statement slots (keysetPage). */
  filtered<O>(query: SelectQueryBuilder<DB, TB, O>, conditions: C): SelectQueryBuilder<DB, TB, O>;
}

/** The sorts of a table with `id`, `created_at` and `updated_at`, cursors carrying them as Postgres's text. */
export const RECORD_SORTS = {
  ID: { column: 'id', kind: 'bigint' },
  CREATED_AT: { column: 'created_at', kind: 'timestamp-text' },
  UPDATED_AT: { column: 'updated_at', kind: 'timestamp-text' },
} as const satisfies Record<string, SortColumn>;

export interface TableListArgs<K extends string> extends PageArgs {
  sortKey?: K | null;
  reverse?: boolean | null;
}

/**
 * One page of the list's rows (the given `columns`) as a connection, in the order the arguments ask for;
 * `totalCount` runs its count only when selected.
 */
export async function tableListConnection<DB, TB extends keyof DB & string, K extends string, F, C extends object>(
  db: TenantDb,
  list: TableList<DB, TB, K, F, C>,
  args: TableListArgs<K>,
  filter: F,
  columns: ColumnChoice,
) {
  const page = pageOf(args);
  const sort = keysetSortOf(args, list.sorts);
  const conn = await db.get<DB>();
  const rows = await keysetPage(
    conn,
    `${list.table} ${choiceKey(columns)}`,
    list.conditions(db.tenantId, filter),
    (shape: Kysely<DB>, inSlots) => list.filtered(selectColumns(list.from(shape), columns), inSlots),
    sort,
    page,
  );
  // Kysely leaves the rows of a generic table unresolved: they are the table's, which has a text id.
  const listed = columns.guard(rows) as unknown as (Selectable<DB[TB]> & { id: string; sort_value: CursorValue })[];
  return connectionOf(
    listed,
    page,
    (row) => keysetCursor(sort, row),
    () => countRows(db, list, filter),
  );
}

async function countRows<DB, TB extends keyof DB & string, F, C extends object>(
  db: TenantDb,
  list: TableList<DB, TB, string, F, C>,
  filter: F,
): Promise<number> {
  const conn = await db.get<DB>();
  const row = await list
    .filtered(list.from(conn), list.conditions(db.tenantId, filter))
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number((row as { count: string }).count);
}
