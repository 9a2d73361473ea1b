import { GatewayError } from '../../src/sdk';
import type { AdminClient } from './admin-client';
import { INCREMENTAL_QUERIES, type IncrementalResource } from './incremental-queries';

export interface IncrementalOptions {
  /** Only records updated strictly after this instant (the previous sync's high-water mark). */
  updatedAfter: Date | string;
  /** Page size; defaults per resource to stay under Shopify's 1000-point query limit (max 250). */
  pageSize?: number;
}

interface Page {
  nodes: Record<string, unknown>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Yields every record of `resource` updated after `updatedAfter`, page by page through the cursor.
 * Each page goes through the admin client, so it is cost-paced, retried and circuit-broken.
 */
export async function* updatedSince(
  admin: Pick<AdminClient, 'query'>,
  resource: IncrementalResource,
  options: IncrementalOptions,
): AsyncGenerator<Record<string, unknown>> {
  const { root, query, pageSize } = INCREMENTAL_QUERIES[resource];
  const first = Math.min(250, Math.max(1, options.pageSize ?? pageSize));
  const search = `updated_at:>'${isoInstant(options.updatedAfter)}'`;
  let after: string | null = null;
  do {
    const data: Record<string, Page> = await admin.query(query, { first, after, query: search });
    const page = data[root];
    yield* page.nodes;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
}

/** Normalises to ISO-8601 UTC; anything else is refused, as it would be pasted into a search string. */
function isoInstant(value: Date | string): string {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new GatewayError('BAD_USER_INPUT', 'updatedAfter must be an ISO-8601 timestamp');
  return new Date(time).toISOString();
}
