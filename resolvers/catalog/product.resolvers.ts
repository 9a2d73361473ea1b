import { encodeGlobalId, type GatewayContext, type PageArgs } from '../../src/sdk';
import { productByHandle } from '../../connectors/catalog/by-handle';
import type { ProductRow } from '../../connectors/catalog/tables';
import { idArg, productSearch, textArg, type ProductFilterArg } from './args';
import { listConnection } from './list-connection';
import { money } from './money';
import { productConnection, type ProductListArgs } from './product-connection';
import { visibleCollection, visibleProduct } from './visibility';
import { availableForSale } from './variant.resolvers';
import type { ProductResolvers, QueryResolvers } from '../generated/resolvers-types';

interface ProductsArgs extends ProductListArgs {
  query?: string | null;
  filter?: ProductFilterArg | null;
  filters?: ProductFilterArg[] | null;
}

export const productResolvers: { Query: QueryResolvers; Product: ProductResolvers } = {
  Query: {
    products: (_: unknown, args: ProductsArgs, ctx: GatewayContext) =>
      productConnection(ctx, productSearch(ctx, args.query, args.filter, args.filters), args),
    product: async (_: unknown, args: { id?: string | null; handle?: string | null }, ctx: GatewayContext) => {
      const id = idArg(args.id, 'Product', 'id');
      const handle = textArg(args.handle, 'handle');
      const row = id
        ? await ctx.loaders.productById.load(id)
        : handle
          ? await productByHandle(ctx.db, handle, ctx.columns('Product'))
          : null;
      return visibleProduct(ctx, row);
    },
  },
  Product: {
    id: (row: ProductRow) => encodeGlobalId('Product', row.id),
    productType: (row: ProductRow) => row.product_type,
    publishedAt: (row: ProductRow) => row.published_at,
    createdAt: (row: ProductRow) => row.created_at,
    updatedAt: (row: ProductRow) => row.updated_at,
    priceRange: (row: ProductRow, _: unknown, ctx: GatewayContext) => ({
      minVariantPrice: money(row.min_price, ctx),
      maxVariantPrice: money(row.max_price, ctx),
    }),
    // Plain functions on loader promises: the loaders' batches carry the plugin guard (PluginGuard).
    availableForSale: (row: ProductRow, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.variantsByProduct.load(row.id).then((variants) => variants.some(availableForSale)),
    variants: (row: ProductRow, args: PageArgs, ctx: GatewayContext) =>
      ctx.loaders.variantsByProduct.load(row.id).then((variants) => listConnection(variants, args)),
    images: (row: ProductRow, args: PageArgs, ctx: GatewayContext) =>
      ctx.loaders.imagesByProduct.load(row.id).then((images) => listConnection(images, args)),
    featuredImage: (row: ProductRow, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.imagesByProduct.load(row.id).then((images) => images[0] ?? null),
    options: (row: ProductRow, _: unknown, ctx: GatewayContext) => ctx.loaders.optionsByProduct.load(row.id),
    collections: (row: ProductRow, args: PageArgs, ctx: GatewayContext) =>
      ctx.loaders.collectionsByProduct.load(row.id).then((rows) =>
        listConnection(
          rows.filter((c) => visibleCollection(ctx, c)),
          args,
        ),
      ),
  },
};
