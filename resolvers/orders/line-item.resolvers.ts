import {
  connectionOf,
  decodeCursor,
  encodeCursor,
  encodeGlobalId,
  moneyIn,
  pageOf,
  type GatewayContext,
} from '../../src/sdk';
import type { LineItemParent, OrderRow } from '../../connectors/orders/tables';
import type {
  LineItemResolvers,
  OrderLineItemsArgs,
  OrderResolvers,
  ResolversParentTypes,
} from '../generated/resolvers-types';

/**
 * The currency of each order whose line items this request lists, by order id: a line's Money fields
 * carry its order's currency, and a map per request costs less than a copy of every line's row.
 */
const currencies = new WeakMap<GatewayContext, Map<string, string>>();

function currencyMap(ctx: GatewayContext): Map<string, string> {
  let map = currencies.get(ctx);
  if (!map) currencies.set(ctx, (map = new Map()));
  return map;
}

// Order.lineItems, the only field that lists line items, recorded the currency before any line resolves.
// Amounts are stored exactly, at any scale: shown in the currency's digits.
const money = (amount: string, item: LineItemParent, ctx: GatewayContext) =>
  moneyIn(amount, currencyMap(ctx).get(item.order_id)!);

/**
 * Line items come from one loader per list level; a line's variant and product resolve through the
 * catalog's nodes (`ctx.loadNodeOf`), which batch on the catalog's own loaders under its read access
 * and published state, so this plugin never reads or shapes catalog rows itself.
 */
export const lineItemResolvers: { Order: OrderResolvers; LineItem: LineItemResolvers } = {
  Order: {
    // A plain function on the loader's promise: the loader's batch carries the plugin guard.
    lineItems: (order: OrderRow, args: OrderLineItemsArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const [afterId] = page.cursor ? decodeCursor(page.cursor, 1) : [null];
      currencyMap(ctx).set(order.id, order.currency_code);
      return ctx.loaders.lineItemsByOrder.load(order.id).then((all) => {
        const items = all
          .filter((item) => afterId === null || Number(item.id) > Number(afterId))
          .slice(0, page.size + 1);
        return connectionOf(items, page, (item) => encodeCursor([item.id]));
      });
    },
  },
  LineItem: {
    id: (item: LineItemParent) => encodeGlobalId('LineItem', item.id),
    variantTitle: (item: LineItemParent) => item.variant_title,
    originalUnitPrice: (item: LineItemParent, _: unknown, ctx: GatewayContext) => money(item.unit_price, item, ctx),
    originalTotal: (item: LineItemParent, _: unknown, ctx: GatewayContext) => money(item.total, item, ctx),
    variant: (item: LineItemParent, _: unknown, ctx: GatewayContext) =>
      item.variant_id
        ? ctx.loadNodeOf<ResolversParentTypes['ProductVariant']>('ProductVariant', item.variant_id)
        : null,
    product: (item: LineItemParent, _: unknown, ctx: GatewayContext) =>
      item.product_id ? ctx.loadNodeOf<ResolversParentTypes['Product']>('Product', item.product_id) : null,
  },
};
