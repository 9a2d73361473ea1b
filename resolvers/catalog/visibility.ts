import type { GatewayContext } from '../../src/sdk';
import { access } from '../../src/sdk/graphql';
import type { CollectionRow, ProductRow } from '../../connectors/catalog/tables';

/** Who reads the catalog at all: the rule of its root queries and the visibility of its nodes alike. */
export const readCatalog = access.publicRead('read_products');
/** Staff holding read_products see every product and collection; everyone else only published ones. */
const readsEverything = access.scope('read_products');

export const readsAll = (ctx: GatewayContext): boolean => readsEverything.allows(ctx);

const published = (at: Date | null) => at !== null && new Date(at).getTime() <= Date.now();

/**
 * The row when the caller may see it, else null (a hidden row looks like a missing one). Checks
 * `readCatalog` too: a product reached through another plugin's field (an order's line) is no more visible.
 */
export function visibleProduct(ctx: GatewayContext, row: ProductRow | null): ProductRow | null {
  if (!row || !readCatalog.allows(ctx)) return null;
  return readsAll(ctx) || (row.status === 'ACTIVE' && published(row.published_at)) ? row : null;
}

export function visibleCollection(ctx: GatewayContext, row: CollectionRow | null): CollectionRow | null {
  if (!row || !readCatalog.allows(ctx)) return null;
  return readsAll(ctx) || published(row.published_at) ? row : null;
}
