import { toMinor, type GatewayContext } from '../../src/sdk';
import type { OrderPricingRow } from '../../connectors/carts/checkout/order-pricing';
import { moneyOf } from './money';

type OrderParent = { id: string };
const money = (amount: string, ctx: GatewayContext) => moneyOf(toMinor(amount, ctx.tenant.currency), ctx);
const pricing = (order: OrderParent, ctx: GatewayContext) => ctx.loaders.orderPricing.load(order.id);
/** Orders placed before pricing existed have no snapshot: nothing shipped, taxed or discounted. */
const field = <T>(order: OrderParent, ctx: GatewayContext, pick: (p: OrderPricingRow) => T, none: T) =>
  pricing(order, ctx).then((p) => (p ? pick(p) : none));

/** The checkout's snapshot on the order (the orders plugin's type), read from carts' own table. */
export const orderPricingResolvers = {
  Order: {
    shippingAddress: (o: OrderParent, _: unknown, ctx: GatewayContext) =>
      field(o, ctx, (p) => p.shipping_address, null),
    shippingLines: (o: OrderParent, _: unknown, ctx: GatewayContext) =>
      field(
        o,
        ctx,
        (p) =>
          p.shipping_lines.map((l) => ({
            handle: l.handle,
            title: l.title,
            originalPrice: money(l.price, ctx),
            discountedPrice: money(l.discountedPrice, ctx),
            taxAmount: money(l.tax, ctx),
          })),
        [],
      ),
    taxLines: (o: OrderParent, _: unknown, ctx: GatewayContext) =>
      field(
        o,
        ctx,
        (p) => p.tax_lines.map((t) => ({ title: t.title, ratePercentage: t.rate, amount: money(t.amount, ctx) })),
        [],
      ),
    discountApplications: (o: OrderParent, _: unknown, ctx: GatewayContext) =>
      field(
        o,
        ctx,
        (p) =>
          p.discount_applications.map((d) => ({
            title: d.title,
            code: d.code,
            kind: d.kind,
            value: d.value,
            allocatedAmount: money(d.amount, ctx),
          })),
        [],
      ),
    totalShippingPrice: (o: OrderParent, _: unknown, ctx: GatewayContext) =>
      field(o, ctx, (p) => money(p.total_shipping, ctx), moneyOf(0n, ctx)),
    totalTax: (o: OrderParent, _: unknown, ctx: GatewayContext) =>
      field(o, ctx, (p) => money(p.total_tax, ctx), moneyOf(0n, ctx)),
    totalDiscounts: (o: OrderParent, _: unknown, ctx: GatewayContext) =>
      field(o, ctx, (p) => money(p.total_discounts, ctx), moneyOf(0n, ctx)),
    taxesIncluded: (o: OrderParent, _: unknown, ctx: GatewayContext) => field(o, ctx, (p) => p.taxes_included, false),
  },
};
