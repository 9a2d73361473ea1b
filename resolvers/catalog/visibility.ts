import type { GatewayContext } from '../../src/sdk';
import type { CollectionRow, ProductRow } from '../../connectors/catalog/tables';

/** Staff holding read_products see every product and collection; everyone else only published ones. */
export function readsAll(ctx: GatewayContext): boolean {
  return ctx.principal.kind === 'admin' && ctx.principal.scopes.includes('read_products');
}

/** Who may read catalog rows at all (the rule of the catalog's root queries, for `node`). */
export function canReadCatalog(ctx: GatewayContext): boolean {
  return ctx.principal.kind === 'storefront' || readsAll(ctx);
}

const published = (at: Date | null) => at !== null && new Date(at).getTime() <= Date.now();

/** The row when the caller may see it, else null (a hidden row looks like a missing one). */
export function visibleProduct(ctx: GatewayContext, row: ProductRow | null): ProductRow | null {
  if (!row || !canReadCatalog(ctx)) return null;
  return readsAll(ctx) || (row.status === 'ACTIVE' && published(row.published_at)) ? row : null;
}

export function visibleCollection(ctx: GatewayContext, row: CollectionRow | null): CollectionRow | null {
  if (!row || !canReadCatalog(ctx)) return null;
  return readsAll(ctx) || published(row.published_at) ? row : null;
}
