import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, GatewayError, type CursorValue, type Page } from '../sdk';
import { runShaped, type AnyKysely } from './shaped-statements';

/** How a kind of sort value is selected for a cursor, checked when the cursor comes back, and cast there. */
interface ValueKind {
  select(expression: RawBuilder<unknown>): RawBuilder<CursorValue>;
  valid(value: CursorValue): boolean;
  cast: string;
}

const asText = (expression: RawBuilder<unknown>) => sql<CursorValue>`(${expression})::text`;
const matching = (pattern: RegExp) => (value: CursorValue) => typeof value === 'string' && pattern.test(value);

/**
 * A timestamp that Postgres casts without error: a day of the calendar (no 30 February), a time of day,
 * an offset under 16 hours. `pattern` captures year, month, day, hour, minute, second, offset parts.
 */
const instant = (pattern: RegExp) => (value: CursorValue) => {
  const match = typeof value === 'string' ? pattern.exec(value) : null;
  if (!match) return false;
  const [year, month, day, hour, minute, second, offset = 0, ...offsetRest] = match.slice(1).map((n) => Number(n ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  const calendar = year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return calendar && hour < 24 && minute < 60 && second < 60 && offset < 16 && offsetRest.every((n) => n < 60);
};

/** Every kind keeps its value exact: timestamps keep microseconds, decimals and bigints stay text. */
const KINDS = {
  /** The id alone orders the list (the sort has no expression): the cursor's value is null. */
  id: { select: () => sql<CursorValue>`null`, valid: (value) => value === null, cast: 'bigint' },
  text: { select: (e) => sql<CursorValue>`${e}`, valid: (value) => typeof value === 'string', cast: 'text' },
  integer: {
    select: (e) => sql<CursorValue>`${e}`,
    valid: (value) => typeof value === 'number' && Number.isSafeInteger(value),
    cast: 'bigint',
  },
  /** Digits as text: a JSON number would round beyond 2^53. */
  bigint: { select: asText, valid: matching(/^-?\d{1,18}$/), cast: 'bigint' },
  decimal: { select: asText, valid: matching(/^-?\d{1,12}(\.\d{1,4})?$/), cast: 'numeric' },
  /** ISO 8601, as `to_json` writes it. */
  timestamp: {
    select: (e) => sql<CursorValue>`to_json(${e}) #>> '{}'`,
    valid: instant(/^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?(?:Z|[+-](\d\d)(?::(\d\d))?)$/),
    cast: 'timestamptz',
  },
  /** As Postgres writes a timestamptz as text (`::text`). */
  'timestamp-text': {
    select: asText,
    valid: instant(/^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?[+-](\d\d)(?::(\d\d))?(?::(\d\d))?$/),
    cast: 'timestamptz',
  },
} satisfies Record<string, ValueKind>;

/** How a sort value travels in a cursor (see KINDS). */
export type SortValueKind = keyof typeof KINDS;

/** One ordering of a keyset-paginated list: a not-null expression, then the row id as tie-breaker. */
export interface KeysetSort {
  /** Carried in cursors: a cursor of another name is refused, so a name that says the direction ties it. */
  name: string;
  /** Null (with kind `id`) to order by the id alone. */
  expression: RawBuilder<unknown> | null;
  kind: SortValueKind;
  id: RawBuilder<unknown>;
  descending: boolean;
}

export interface KeysetPlan {
  /** Rows strictly past the cursor, or null on the first page. */
  after: RawBuilder<SqlBool> | null;
  /** The sort value as selected for the cursor, as `sort_value`. */
  sortValue: RawBuilder<CursorValue>;
  /** The sort expression, then the id, in the page's direction (reversed when paging backwards). */
  order: RawBuilder<unknown>;
}

const kindOf = (sort: KeysetSort): ValueKind => KINDS[sort.expression ? sort.kind : 'id'];

/** The sort value and id a page starts after, or null on the first page. */
function cursorStart(sort: KeysetSort, page: Page): [CursorValue, string] | null {
  if (!page.cursor) return null;
  const [name, value, id] = decodeCursor(page.cursor, 3);
  if (name !== sort.name || !kindOf(sort).valid(value) || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this list or sort', {
      argument: 'cursor',
    });
  }
  return [value, id];
}

/**
 * Keyset pagination over (sort expression, id): stable when rows are inserted between pages, and a cursor
 * only ever narrows the query (validated and cast, never trusted as SQL). `start` is the cursor's value
 * and id, or the statement slots that stand for them (keysetPage).
 */
export function keysetPlan(
  sort: KeysetSort,
  page: Page,
  start: readonly [unknown, unknown] | null = cursorStart(sort, page),
): KeysetPlan {
  const descending = sort.descending !== page.backward;
  const kind = kindOf(sort);
  const direction = sql.raw(descending ? 'desc' : 'asc');
  let after: RawBuilder<SqlBool> | null = null;
  if (start) {
    const op = sql.raw(descending ? '<' : '>');
    const [value, id] = [sql`cast(${start[0]} as ${sql.raw(kind.cast)})`, sql`cast(${start[1]} as bigint)`];
    after = sort.expression
      ? sql<SqlBool>`(${sort.expression}, ${sort.id}) ${op} (${value}, ${id})`
      : sql<SqlBool>`${sort.id} ${op} ${id}`;
  }
  return sort.expression
    ? {
        after,
        sortValue: kind.select(sort.expression),
        order: sql`${sort.expression} ${direction}, ${sort.id} ${direction}`,
      }
    : { after, sortValue: KINDS.id.select(), order: sql`${sort.id} ${direction}` };
}

/** The cursor of a row selected with the plan's `sortValue` as `sort_value`. */
export function keysetCursor(sort: KeysetSort, row: { sort_value: CursorValue; id: string }): string {
  return encodeCursor([sort.name, row.sort_value, row.id]);
}

/** A sort of one table's list: a not-null column of it, and how its values travel in cursors. */
export interface SortColumn {
  column: string;
  kind: SortValueKind;
}

/**
 * The sort a table list's arguments ask for. Omitted arguments arrive as their schema defaults; an explicit
 * null means the same (ID, ascending). Its cursors carry the sort key, not the direction.
 */
export function keysetSortOf<K extends string>(
  args: { sortKey?: K | null; reverse?: boolean | null },
  columns: Record<K | 'ID', SortColumn>,
): KeysetSort {
  const name = args.sortKey ?? 'ID';
  const { column, kind } = columns[name];
  return { name, expression: sql.ref(column), kind, id: sql.ref('id'), descending: args.reverse ?? false };
}

/**
 * One keyset page of a filtered query: page.size + 1 rows, in page order, each with its `sort_value`.
 *
 * The statement is compiled once per shape (shaped-statements.ts), so the sort's name must say all its
 * expression depends on (as keysetSortOf's do). `conditions` are the values the filtered query compares
 * with; `build` gets them back each in a statement slot, so it may check whether one is present but must
 * only hand it to Kysely. An undefined condition is absent; a null one stays null in the shape, as it may
 * mean "matches nothing". `shapeKey` names what else `build` depends on (table, columns).
 */
export async function keysetPage<C extends object, O>(
  conn: AnyKysely,
  shapeKey: string,
  conditions: C,
  build: (db: AnyKysely, conditions: C) => SelectQueryBuilder<any, any, O>, // eslint-disable-line @typescript-eslint/no-explicit-any
  sort: KeysetSort,
  page: Page,
): Promise<(O & { sort_value: CursorValue })[]> {
  const start = cursorStart(sort, page);
  const valueOf = (name: string) => (conditions as Record<string, unknown>)[name];
  const named = Object.keys(conditions).filter((name) => valueOf(name) !== undefined);
  const slotted = named.filter((name) => valueOf(name) !== null);
  const shape = named.map((name) => (valueOf(name) === null ? `${name}=null` : name)).join(',');
  const direction = sort.descending !== page.backward ? 'desc' : 'asc';
  const key = `keyset ${shapeKey} ${shape} ${sort.name} ${direction} ${start ? 'after' : 'first'}`;
  const values = [...slotted.map(valueOf), page.size + 1, ...(start ?? [])];
  const rows = await runShaped<O & { sort_value: CursorValue }>(conn, key, values, (db, slots) => {
    const inSlots = Object.fromEntries(
      named.map((name) => [name, valueOf(name) === null ? null : slots[slotted.indexOf(name)]]),
    ) as C;
    const [limit, value, id] = slots.slice(slotted.length);
    const plan = keysetPlan(sort, page, start && [value, id]);
    const query = build(db, inSlots)
      .select(plan.sortValue.as('sort_value'))
      .orderBy(plan.order)
      .limit(limit as number);
    return plan.after ? query.where(plan.after) : query;
  });
  return page.backward ? rows.reverse() : rows;
}
