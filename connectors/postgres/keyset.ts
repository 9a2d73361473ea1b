import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, GatewayError, type Page } from '../../src/sdk';
import { runShaped, type AnyKysely } from './shaped-statements';

/** A sort of a connection: an enum key, the column it orders by (not null), and the direction. */
export interface KeysetSort {
  key: string;
  column: string;
  reverse: boolean;
}

/**
 * The sort a connection's arguments ask for, by its key's column. Omitted arguments arrive as their
 * schema defaults; an explicit null means the same (ID, ascending).
 */
export function keysetSortOf<K extends string>(
  args: { sortKey?: K | null; reverse?: boolean | null },
  columns: Record<K | 'ID', string>,
): KeysetSort {
  const key = args.sortKey ?? 'ID';
  return { key, column: columns[key], reverse: args.reverse ?? false };
}

/**
 * The sort value and id a page starts after, or null on the first page. The cursor carries the sort key,
 * so a cursor of one sort used with another is BAD_USER_INPUT, never a SQL error.
 */
function cursorValues(sort: KeysetSort, page: Page): [string, string] | null {
  if (!page.cursor) return null;
  const [key, value, id] = decodeCursor(page.cursor, 3);
  if (key !== sort.key || typeof value !== 'string' || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this sort', { argument: 'cursor' });
  }
  return [value, id];
}

/**
 * Keyset pagination over (sort column, id), stable when rows are inserted between pages: one page of a
 * filtered query in the requested order, one extra row to detect the next page, rows in page order. The
 * sort column is selected as text, `sort_value`, for the cursors: exact (timestamps keep microseconds) and
 * castable back by Postgres.
 *
 * The statement is compiled once per shape (shaped-statements.ts). `conditions` are the values the
 * filtered query compares with; `build` gets them back each in a statement slot, so it may check whether
 * one is present but must only hand it to Kysely. An undefined condition is absent; a null one stays null
 * in the shape, as it may mean "matches nothing". `shapeKey` names what else `build` depends on (table,
 * columns).
 */
export async function keysetPage<C extends object, O>(
  conn: AnyKysely,
  shapeKey: string,
  conditions: C,
  build: (db: AnyKysely, conditions: C) => SelectQueryBuilder<any, any, O>, // eslint-disable-line @typescript-eslint/no-explicit-any
  sort: KeysetSort,
  page: Page,
): Promise<(O & { sort_value: string })[]> {
  const direction = sort.reverse !== page.backward ? 'desc' : 'asc';
  const cursor = cursorValues(sort, page);
  const valueOf = (name: string) => (conditions as Record<string, unknown>)[name];
  const named = Object.keys(conditions).filter((name) => valueOf(name) !== undefined);
  const slotted = named.filter((name) => valueOf(name) !== null);
  const shape = named.map((name) => (valueOf(name) === null ? `${name}=null` : name)).join(',');
  const key = `keyset ${shapeKey} ${shape} ${sort.column} ${direction} ${cursor ? 'after' : 'first'}`;
  const values = [...slotted.map(valueOf), page.size + 1, ...(cursor ?? [])];
  const rows = await runShaped<O & { sort_value: string }>(conn, key, values, (db, slots) => {
    const inSlots = Object.fromEntries(
      named.map((name) => [name, valueOf(name) === null ? null : slots[slotted.indexOf(name)]]),
    ) as C;
    const [limit, afterValue, afterId] = slots.slice(slotted.length);
    const column = sql.ref(sort.column);
    let query = build(db, inSlots).select(sql<string>`${column}::text`.as('sort_value'));
    if (cursor) {
      const past = sql.raw(direction === 'desc' ? '<' : '>');
      query = query.where(sql<SqlBool>`(${column}, id) ${past} (${afterValue}, ${afterId})`);
    }
    return query
      .orderBy(column, direction)
      .orderBy(sql.ref('id'), direction)
      .limit(limit as number);
  });
  return page.backward ? rows.reverse() : rows;
}

/** The cursor of a row fetched with `sortValue` selected as `sort_value`. */
export function keysetCursor(sort: KeysetSort, row: { sort_value: string; id: string }): string {
  return encodeCursor([sort.key, row.sort_value, row.id]);
}

/** Escapes LIKE wildcards so user text matches literally: `%a_b%` for `a_b`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
