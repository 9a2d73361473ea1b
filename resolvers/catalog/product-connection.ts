import { connectionOf, pageOf, type GatewayContext, type PageArgs } from '../../src/sdk';
import { countProducts, listProducts } from '../../connectors/catalog/product-list';
import type { ProductSearch } from '../../connectors/catalog/product-filters';
import type { ProductSortKey } from '../../connectors/catalog/product-sorts';

export interface ProductListArgs extends PageArgs {
  sortKey?: ProductSortKey | null;
  reverse?: boolean | null;
}

/** A keyset page of products; `totalCount` runs its count only when selected. */
export async function productConnection(ctx: GatewayContext, search: ProductSearch, args: ProductListArgs) {
  const page = pageOf(args);
  const listing = { search, sortKey: args.sortKey ?? 'ID', reverse: args.reverse ?? false };
  const { rows, cursorOf } = await listProducts(ctx.db, listing, page, ctx.columns('Product'));
  for (const row of rows) ctx.loaders.productById.prime(row.id, row);
  return connectionOf(rows, page, cursorOf, () => countProducts(ctx.db, search));
}

/** A collection's products: sibling collections with the same arguments share one statement. */
export async function collectionProductConnection(
  ctx: GatewayContext,
  collectionId: string,
  search: ProductSearch,
  args: ProductListArgs,
) {
  const page = pageOf(args);
  const listing = { search, sortKey: args.sortKey ?? 'ID', reverse: args.reverse ?? false };
  const { rows, cursorOf } = await ctx.loaders.collectionProducts.load({ collectionId, listing, page });
  for (const row of rows) ctx.loaders.productById.prime(row.id, row);
  return connectionOf(rows, page, cursorOf, () => ctx.loaders.collectionProductCount.load({ collectionId, search }));
}
