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
  const { rows, cursorOf } = await listProducts(
    ctx.db,
    { search, sortKey: args.sortKey ?? 'ID', reverse: args.reverse ?? false },
    page,
  );
  for (const row of rows) ctx.loaders.productById.prime(row.id, row);
  return { ...connectionOf(rows, page, cursorOf), totalCount: () => countProducts(ctx.db, search) };
}
