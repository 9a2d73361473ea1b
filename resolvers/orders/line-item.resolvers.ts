import { connectionOf, decodeCursor, encodeCursor, encodeGlobalId, pageOf, type GatewayContext } from '../../src/sdk';
import type { LineItemParent, OrderRow } from '../../connectors/orders/tables';
import type {
  LineItemResolvers,
  OrderLineItemsArgs,
  OrderResolvers,
  ResolversParentTypes,
} from '../../src/generated/resolvers-types';

/**
 * Line items come from one loader per list level; a line's variant and product resolve through the
 * catalog's node fetchers (`ctx.loadNodeOf`), which batch on the catalog's own loaders and apply its
 * read rule, so this plugin never reads or shapes catalog rows itself.
 */
export const lineItemResolvers: { Order: OrderResolvers; LineItem: LineItemResolvers } = {
  Order: {
    // A plain function on the loader's promise: the loader's batch carries the plugin guard.
    lineItems: (order: OrderRow, args: OrderLineItemsArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const [afterId] = page.cursor ? decodeCursor(page.cursor, 1) : [null];
      return ctx.loaders.lineItemsByOrder.load(order.id).then((all) => {
        const items = all
          .filter((item) => afterId === null || Number(item.id) > Number(afterId))
          .slice(0, page.size + 1)
          .map((item): LineItemParent => ({ ...item, currency_code: order.currency_code }));
        return connectionOf(items, page, (item) => encodeCursor([item.id]));
      });
    },
  },
  LineItem: {
    id: (item: LineItemParent) => encodeGlobalId('LineItem', item.id),
    variantTitle: (item: LineItemParent) => item.variant_title,
    originalUnitPrice: (item: LineItemParent) => ({ amount: item.unit_price, currencyCode: item.currency_code }),
    originalTotal: (item: LineItemParent) => ({ amount: item.total, currencyCode: item.currency_code }),
    variant: (item: LineItemParent, _: unknown, ctx: GatewayContext) =>
      item.variant_id
        ? ctx.loadNodeOf<ResolversParentTypes['ProductVariant']>('ProductVariant', item.variant_id)
        : null,
    product: (item: LineItemParent, _: unknown, ctx: GatewayContext) =>
      item.product_id ? ctx.loadNodeOf<ResolversParentTypes['Product']>('Product', item.product_id) : null,
  },
};
