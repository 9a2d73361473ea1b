import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, GatewayError, type CursorValue, type Page } from '../../src/sdk';

/** How a sort value travels in a cursor and is cast back for comparison. */
export type SortValueKind = 'id' | 'text' | 'decimal' | 'timestamp' | 'integer';

/** One ordering of a keyset-paginated list: a not-null expression, then the row id as tie-breaker. */
export interface SortSpec {
  /** Carried in cursors, so a cursor of another sort or direction is rejected. */
  name: string;
  /** Null to order by the id alone. */
  expression: RawBuilder<unknown> | null;
  id: RawBuilder<unknown>;
  kind: SortValueKind;
  descending: boolean;
}

export interface KeysetPlan {
  direction: 'asc' | 'desc';
  /** Rows strictly past the cursor, or null on the first page. */
  after: RawBuilder<SqlBool> | null;
  /** The sort value as selected for the cursor: exact (timestamps keep microseconds, prices stay text). */
  sortValue: RawBuilder<CursorValue>;
}

const VALID: Record<SortValueKind, (value: CursorValue) => boolean> = {
  id: (v) => v === null,
  text: (v) => typeof v === 'string',
  decimal: (v) => typeof v === 'string' && /^-?\d{1,12}(\.\d{1,4})?$/.test(v),
  timestamp: (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d(:\d\d)?)$/.test(v),
  integer: (v) => typeof v === 'number' && Number.isSafeInteger(v),
};
const CAST: Record<SortValueKind, string> = {
  id: 'bigint',
  text: 'text',
  decimal: 'numeric',
  timestamp: 'timestamptz',
  integer: 'bigint',
};

function invalidCursor(): GatewayError {
  return new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this list or sort', {
    argument: 'cursor',
  });
}

/**
 * Keyset pagination over (sort expression, id): stable when rows are inserted between pages, and a
 * cursor only ever narrows the query (it is validated and cast, never trusted as SQL).
 */
export function keysetPlan(sort: SortSpec, page: Page): KeysetPlan {
  const descending = sort.descending !== page.backward;
  let after: RawBuilder<SqlBool> | null = null;
  if (page.cursor) {
    const [name, value, id] = decodeCursor(page.cursor, 3);
    const kind = sort.expression ? sort.kind : 'id';
    if (name !== sort.name || !VALID[kind](value) || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
      throw invalidCursor();
    }
    const op = sql.raw(descending ? '<' : '>');
    after = sort.expression
      ? sql<SqlBool>`(${sort.expression}, ${sort.id}) ${op} (cast(${value} as ${sql.raw(CAST[sort.kind])}), cast(${id} as bigint))`
      : sql<SqlBool>`${sort.id} ${op} cast(${id} as bigint)`;
  }
  const sortValue = !sort.expression
    ? sql<CursorValue>`null`
    : sort.kind === 'timestamp'
      ? sql<CursorValue>`to_json(${sort.expression}) #>> '{}'`
      : sort.kind === 'decimal'
        ? sql<CursorValue>`(${sort.expression})::text`
        : sql<CursorValue>`${sort.expression}`;
  return { direction: descending ? 'desc' : 'asc', after, sortValue };
}

/** The cursor of a row selected with the plan's `sortValue` as `sort_value`. */
export function keysetCursor(sort: SortSpec, row: { sort_value: CursorValue; id: string }): string {
  return encodeCursor([sort.name, row.sort_value, row.id]);
}
