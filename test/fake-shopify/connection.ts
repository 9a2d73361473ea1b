/** Relay connections over in-memory lists, with Shopify's `first`/`after` and `updated_at` search. */

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
}

export interface ConnectionContext {
  /** Bulk queries walk whole connections; normal queries must say how many they want. */
  bulk: boolean;
}

const cursorOf = (id: string) => Buffer.from(`cursor:${id}`).toString('base64');

export function connection<T extends { id: string; updatedAt?: string }>(
  items: readonly T[],
  args: ConnectionArgs,
  ctx: ConnectionContext,
) {
  if (!ctx.bulk && (args.first == null || args.first < 1 || args.first > 250)) {
    throw new Error('you must provide `first` between 1 and 250');
  }
  let list = filterUpdated(items, args.query);
  if (args.sortKey === 'UPDATED_AT') {
    list = [...list].sort((a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '') || a.id.localeCompare(b.id));
  }
  if (args.reverse) list = [...list].reverse();
  let start = 0;
  if (args.after) {
    start = list.findIndex((item) => cursorOf(item.id) === args.after) + 1;
    if (start === 0) throw new Error('Invalid cursor');
  }
  const page = ctx.bulk ? list.slice(start) : list.slice(start, start + (args.first ?? 0));
  const hasNextPage = start + page.length < list.length;
  return {
    nodes: page,
    edges: page.map((node) => ({ node, cursor: cursorOf(node.id) })),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: start > 0,
      startCursor: page.length ? cursorOf(page[0].id) : null,
      endCursor: page.length ? cursorOf(page[page.length - 1].id) : null,
    },
  };
}

/** Supports the one search term the connector sends: `updated_at:>'<ISO>'` (or `>=`). */
function filterUpdated<T extends { updatedAt?: string }>(
  items: readonly T[],
  query: string | null | undefined,
): readonly T[] {
  const tag = query?.match(/tag:'?([^'\s]+)'?/);
  if (tag) return items.filter((item) => ((item as { tags?: string[] }).tags ?? []).includes(tag[1]));
  const m = query?.match(/updated_at:(>=?)'?([^'\s]+)'?/);
  if (!m) return items;
  const bound = Date.parse(m[2]);
  return items.filter((item) => {
    const t = Date.parse(item.updatedAt ?? '');
    return m[1] === '>=' ? t >= bound : t > bound;
  });
}
