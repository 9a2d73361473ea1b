import { GatewayError } from './errors';
import { remembered } from './remembered';

/** Global IDs are opaque base64url of `gid://retail/<Type>/<id>`, checked against the expected type. */
const GID_PREFIX = 'gid://retail/';

/** Encodings by `Type/id`, remembered: list pages encode the same few hundred ids on every request. */
const encode = remembered(20_000, (typeAndId: string) => Buffer.from(GID_PREFIX + typeAndId).toString('base64url'));

export function encodeGlobalId(type: string, id: string | number | bigint): string {
  return encode(`${type}/${id}`);
}

/** The type and local id of a global id, or null when it is not one of ours. */
export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^gid:\/\/retail\/([A-Za-z]+)\/([0-9]{1,18})$/.exec(text);
  return match ? { type: match[1], id: match[2] } : null;
}

/** The local id when `globalId` names a `type`, else null (so a wrong or foreign id reads as absent). */
export function localIdOf(globalId: string, type: string): string | null {
  const parsed = parseGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}

export type CursorValue = string | number | null;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes an opaque cursor; anything malformed is BAD_USER_INPUT, never a database error. */
export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  const invalid = () => new GatewayError('BAD_USER_INPUT', 'Invalid cursor', { argument: 'cursor' });
  if (typeof cursor !== 'string' || cursor.length > 500) throw invalid();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const ok =
    Array.isArray(values) &&
    values.length === arity &&
    values.every((v) => v === null || typeof v === 'number' || (typeof v === 'string' && v.length <= 300));
  if (!ok) throw invalid();
  return values as CursorValue[];
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page {
  /** Rows to fetch: the page size plus one, to learn whether another page exists. */
  size: number;
  /** True when paging backwards (last/before): fetch in reverse order, then flip. */
  backward: boolean;
  cursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 250;

/** Validates Relay arguments; sizes outside 0..MAX_PAGE_SIZE are BAD_USER_INPUT. */
export function pageOf(args: PageArgs): Page {
  if (args.first != null && args.last != null) {
    throw new GatewayError('BAD_USER_INPUT', 'Pass either first or last, not both', { argument: 'last' });
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const requested = backward ? args.last : args.first;
  const size = requested ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new GatewayError('BAD_USER_INPUT', `Page size must be between 0 and ${MAX_PAGE_SIZE}`, {
      argument: backward ? 'last' : 'first',
    });
  }
  return { size, backward, cursor: (backward ? args.before : args.after) ?? null };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Builds a connection from rows fetched with `page.size + 1` in page order (already flipped back when
 * paging backwards), with its `totalCount` when given (a number, or a function run only when selected).
 * Cursors are encoded only when a client selects edges or page cursors: listing pages that read `nodes`
 * skip one encoding per row.
 */
export function connectionOf<T>(rows: readonly T[], page: Page, cursorOf: (row: T) => string): Connection<T>;
export function connectionOf<T, C>(
  rows: readonly T[],
  page: Page,
  cursorOf: (row: T) => string,
  totalCount: C,
): Connection<T> & { totalCount: C };
export function connectionOf<T, C>(
  rows: readonly T[],
  page: Page,
  cursorOf: (row: T) => string,
  totalCount?: C,
): Connection<T> & { totalCount?: C } {
  const hasMore = rows.length > page.size;
  const nodes = page.backward ? rows.slice(Math.max(0, rows.length - page.size)) : rows.slice(0, page.size);
  const pageInfo = new LazyPageInfo(
    nodes,
    cursorOf,
    page.backward ? page.cursor !== null : hasMore,
    page.backward ? hasMore : page.cursor !== null,
  );
  return new LazyConnection(nodes, cursorOf, pageInfo, totalCount);
}

// Classes rather than object literals with getters: list pages build one connection per parent row, and
// a literal's getters are new closures each time.
class LazyConnection<T, C> {
  private cachedEdges?: Connection<T>['edges'];

  constructor(
    readonly nodes: T[],
    private readonly cursorOf: (row: T) => string,
    readonly pageInfo: LazyPageInfo<T>,
    readonly totalCount: C | undefined,
  ) {}

  get edges(): Connection<T>['edges'] {
    return (this.cachedEdges ??= this.nodes.map((node) => ({ cursor: this.cursorOf(node), node })));
  }
}

class LazyPageInfo<T> {
  constructor(
    private readonly nodes: readonly T[],
    private readonly cursorOf: (row: T) => string,
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.nodes.length ? this.cursorOf(this.nodes[0]) : null;
  }

  get endCursor(): string | null {
    return this.nodes.length ? this.cursorOf(this.nodes[this.nodes.length - 1]) : null;
  }
}

/**
 * A connection over a short list already loaded in full (a product's variants, a shop's shipping zones):
 * cursors name the row id, so they stay valid when rows are added elsewhere in the list. `totalCount` is
 * the list's length.
 */
export function listConnection<T extends { id: string }>(rows: readonly T[], args: PageArgs) {
  const page = pageOf(args);
  let start = 0;
  let end = rows.length;
  if (page.cursor) {
    const [kind, id] = decodeCursor(page.cursor, 2);
    const at = rows.findIndex((row) => row.id === id);
    if (kind !== 'row' || typeof id !== 'string') {
      throw new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this list', { argument: 'cursor' });
    }
    if (page.backward) end = at < 0 ? 0 : at;
    else start = at < 0 ? rows.length : at + 1;
  }
  // connectionOf expects page.size + 1 rows in page order when more exist.
  const slice = page.backward
    ? rows.slice(Math.max(start, end - page.size - 1), end)
    : rows.slice(start, Math.min(end, start + page.size + 1));
  return connectionOf(slice, page, (row) => encodeCursor(['row', row.id]), rows.length);
}
