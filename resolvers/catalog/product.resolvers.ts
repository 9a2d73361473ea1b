import {
  connectionOf,
  encodeCursor,
  encodeGlobalId,
  localIdOf,
  pageOf,
  type GatewayContext,
  type PageArgs,
} from '../../src/sdk';
import { listProducts, productByHandle } from '../../connectors/catalog/products';
import type { ProductRow, VariantRow } from '../../connectors/catalog/tables';

export const productResolvers = {
  Query: {
    products: async (_: unknown, args: PageArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const rows = await listProducts(ctx.db, page);
      return connectionOf(rows, page, (row) => encodeCursor([row.id]));
    },
    product: async (_: unknown, args: { id?: string | null; handle?: string | null }, ctx: GatewayContext) => {
      if (args.id != null) {
        const id = localIdOf(args.id, 'Product');
        return id ? ctx.loaders.productById.load(id) : null;
      }
      return args.handle != null ? productByHandle(ctx.db, args.handle) : null;
    },
  },
  Product: {
    id: (row: ProductRow) => encodeGlobalId('Product', row.id),
    productType: (row: ProductRow) => row.product_type,
    createdAt: (row: ProductRow) => row.created_at,
    updatedAt: (row: ProductRow) => row.updated_at,
    variants: async (row: ProductRow, args: { first: number }, ctx: GatewayContext) =>
      (await ctx.loaders.variantsByProduct.load(row.id)).slice(0, Math.max(0, args.first)),
  },
  ProductVariant: {
    id: (row: VariantRow) => encodeGlobalId('ProductVariant', row.id),
    price: (row: VariantRow, _: unknown, ctx: GatewayContext) => ({
      amount: row.price,
      currencyCode: ctx.tenant.currency,
    }),
    product: (row: VariantRow, _: unknown, ctx: GatewayContext) => ctx.loaders.productById.load(row.product_id),
  },
};
