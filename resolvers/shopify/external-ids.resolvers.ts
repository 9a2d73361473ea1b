import type { GatewayContext } from '../../src/sdk';
import type { SourcedTable } from '../../connectors/shopify/loaders';
import { connectedShop } from '../../connectors/shopify/settings';
import type {
  CustomerResolvers,
  OrderResolvers,
  ProductResolvers,
  ProductVariantResolvers,
} from '../generated/resolvers-types';

type Row = { id: string; external_id?: string | null; product_id?: string };

const numericId = (gid: string) => gid.split('/').pop()!;

/** The row's Shopify gid: from the row when loaded with it, else one batched lookup. */
function externalId(table: SourcedTable, row: Row, ctx: GatewayContext): Promise<string | null> | string | null {
  if (row.external_id !== undefined) return row.external_id;
  return ctx.loaders.shopifyExternalId.load(`${table}:${row.id}`);
}

function adminUrl(ctx: GatewayContext, path: string): string | null {
  const shop = connectedShop(ctx.tenant)?.shop;
  return shop ? `https://${shop}/admin/${path}` : null;
}

function fieldsFor(table: SourcedTable, path: string) {
  return {
    shopifyId: (row: Row, _: unknown, ctx: GatewayContext) => externalId(table, row, ctx),
    shopifyAdminUrl: async (row: Row, _: unknown, ctx: GatewayContext) => {
      const gid = await externalId(table, row, ctx);
      return gid ? adminUrl(ctx, `${path}/${numericId(gid)}`) : null;
    },
  };
}

/** `shopifyId` / `shopifyAdminUrl` on the retail types. */
export const externalIdResolvers: {
  Product: ProductResolvers;
  Order: OrderResolvers;
  Customer: CustomerResolvers;
  ProductVariant: ProductVariantResolvers;
} = {
  Product: fieldsFor('products', 'products'),
  Order: fieldsFor('orders', 'orders'),
  Customer: fieldsFor('customers', 'customers'),
  ProductVariant: {
    shopifyId: (row: Row, _: unknown, ctx: GatewayContext) => externalId('product_variants', row, ctx),
    shopifyAdminUrl: async (row: Row, _: unknown, ctx: GatewayContext) => {
      const [variant, product] = await Promise.all([
        externalId('product_variants', row, ctx),
        row.product_id ? ctx.loaders.shopifyExternalId.load(`products:${row.product_id}`) : null,
      ]);
      return variant && product ? adminUrl(ctx, `products/${numericId(product)}/variants/${numericId(variant)}`) : null;
    },
  },
};
