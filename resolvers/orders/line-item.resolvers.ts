import { connectionOf, decodeCursor, encodeCursor, encodeGlobalId, pageOf, type GatewayContext } from '../../src/sdk';
import type { LineItemRow, OrderRow } from '../../connectors/orders/tables';

type LineItem = LineItemRow & { currency_code: string };

/**
 * Line items come from one loader per list level; a line's variant and product resolve through the
 * catalog's node fetchers (`ctx.loadNodeOf`), which batch on the catalog's own loaders and apply its
 * read rule, so this plugin never reads or shapes catalog rows itself.
 */
export const lineItemResolvers = {
  Order: {
    lineItems: async (order: OrderRow, args: { first: number; after?: string | null }, ctx: GatewayContext) => {
      const page = pageOf(args);
      const [afterId] = page.cursor ? decodeCursor(page.cursor, 1) : [null];
      const items = (await ctx.loaders.lineItemsByOrder.load(order.id))
        .filter((item) => afterId === null || Number(item.id) > Number(afterId))
        .slice(0, page.size + 1)
        .map((item): LineItem => ({ ...item, currency_code: order.currency_code }));
      return connectionOf(items, page, (item) => encodeCursor([item.id]));
    },
  },
  LineItem: {
    id: (item: LineItem) => encodeGlobalId('LineItem', item.id),
    variantTitle: (item: LineItem) => item.variant_title,
    originalUnitPrice: (item: LineItem) => ({ amount: item.unit_price, currencyCode: item.currency_code }),
    originalTotal: (item: LineItem) => ({ amount: item.total, currencyCode: item.currency_code }),
    variant: (item: LineItem, _: unknown, ctx: GatewayContext) =>
      item.variant_id ? ctx.loadNodeOf('ProductVariant', item.variant_id) : null,
    product: (item: LineItem, _: unknown, ctx: GatewayContext) =>
      item.product_id ? ctx.loadNodeOf('Product', item.product_id) : null,
  },
};
