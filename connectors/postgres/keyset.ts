import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, GatewayError, type Page } from '../../src/sdk';

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

export interface KeysetPlan {
  /** The direction to fetch in (reversed again when paging backwards). */
  direction: 'asc' | 'desc';
  /** Rows strictly past the cursor, or null on the first page. */
  after: Expression<SqlBool> | null;
  /** The sort column as text: exact (timestamps keep microseconds) and castable back by Postgres. */
  sortValue: RawBuilder<string>;
}

/**
 * Keyset pagination over (sort column, id): stable when rows are inserted between pages. The cursor
 * carries the sort key, so a cursor of one sort used with another is BAD_USER_INPUT, never a SQL error.
 */
export function keysetPlan(sort: KeysetSort, page: Page): KeysetPlan {
  const descending = sort.reverse !== page.backward;
  const column = sql.ref(sort.column);
  let after: Expression<SqlBool> | null = null;
  if (page.cursor) {
    const [key, value, id] = decodeCursor(page.cursor, 3);
    if (key !== sort.key || typeof value !== 'string' || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
      throw new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this sort', { argument: 'cursor' });
    }
    after = sql<SqlBool>`(${column}, id) ${sql.raw(descending ? '<' : '>')} (${value}, ${id})`;
  }
  return { direction: descending ? 'desc' : 'asc', after, sortValue: sql<string>`${column}::text` };
}

/**
 * One page of a (filtered) query in the requested order, with `sort_value` selected for the cursors
 * and one extra row to detect the next page; rows in page order.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  sort: KeysetSort,
  page: Page,
): Promise<(O & { sort_value: string })[]> {
  const plan = keysetPlan(sort, page);
  let paged = query.select(plan.sortValue.as('sort_value'));
  if (plan.after) paged = paged.where(plan.after);
  const rows = (await paged
    .orderBy(sql.ref(sort.column), plan.direction)
    .orderBy(sql.ref('id'), plan.direction)
    .limit(page.size + 1)
    .execute()) as (O & { sort_value: string })[];
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
