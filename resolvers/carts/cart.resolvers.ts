import { connectionOf, decodeCursor, encodeCursor, encodeGlobalId, pageOf, type GatewayContext } from '../../src/sdk';
import type { CartLineParent } from '../../connectors/carts/loaders';
import { taxesIncluded } from '../../connectors/carts/pricing/loaders';
import type { CartRow } from '../../connectors/carts/tables';
import { linesSubtotal } from '../../connectors/carts/pricing/quote';
import type {
  CartCostResolvers,
  CartLineResolvers,
  CartLinesArgs,
  CartResolvers,
  QueryCartArgs,
  QueryResolvers,
  ResolversParentTypes,
} from '../generated/resolvers-types';
import { cartTokenOf, encodeCartId } from './cart-id';
import { linePriceOf } from './line-price';
import { moneyOf } from './money';
import { mayUseCart } from './cart-owner';

const money = (amount: string, ctx: GatewayContext) => ({ amount, currencyCode: ctx.tenant.currency });
const linesOf = (cart: CartRow, ctx: GatewayContext) => ctx.loaders.pricedLinesByCart.load(cart.id);

const priceOf = (cart: CartRow, ctx: GatewayContext) => ctx.loaders.cartQuote.load(cart).then((q) => q.price);

export const cartResolvers: {
  Query: QueryResolvers;
  Cart: CartResolvers;
  CartCost: CartCostResolvers;
  CartLine: CartLineResolvers;
} = {
  Query: {
    cart: async (_: unknown, args: QueryCartArgs, ctx: GatewayContext) => {
      const token = cartTokenOf(args.id);
      const cart = token ? await ctx.loaders.cartById.load(token) : null;
      return cart && (await mayUseCart(ctx, cart)) ? cart : null;
    },
  },
  Cart: {
    id: (cart: CartRow) => encodeCartId(cart.id),
    totalQuantity: async (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      (await linesOf(cart, ctx)).reduce((sum, line) => sum + line.quantity, 0),
    lines: async (cart: CartRow, args: CartLinesArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const [afterId] = page.cursor ? decodeCursor(page.cursor, 1) : [null];
      const lines = (await linesOf(cart, ctx))
        .filter((line) => afterId === null || Number(line.id) > Number(afterId))
        .slice(0, page.size + 1)
        // Each line's price is a share of its cart's quote.
        .map((line) => ({ ...line, cart }));
      return connectionOf(lines, page, (line) => encodeCursor([line.id]));
    },
    // Each amount is resolved on its own: the subtotal needs only the lines, the rest the cart's quote.
    cost: (cart: CartRow) => cart,
    taxesIncluded: (_: CartRow, __: unknown, ctx: GatewayContext) => taxesIncluded(ctx),
    buyerIdentity: (cart: CartRow) => ({ email: cart.email, phone: cart.phone, countryCode: cart.country_code }),
    checkoutUrl: (cart: CartRow) => cart.checkout_url,
    createdAt: (cart: CartRow) => cart.created_at,
    updatedAt: (cart: CartRow) => cart.updated_at,
  },
  CartCost: {
    subtotalAmount: async (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      moneyOf(linesSubtotal(await linesOf(cart, ctx), ctx.tenant.currency), ctx),
    totalShippingAmount: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      priceOf(cart, ctx).then((p) => moneyOf(p.shipping, ctx)),
    totalTaxAmount: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      priceOf(cart, ctx).then((p) => moneyOf(p.totalTax, ctx)),
    totalDiscountAmount: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      priceOf(cart, ctx).then((p) => moneyOf(p.totalDiscount, ctx)),
    totalAmount: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      priceOf(cart, ctx).then((p) => moneyOf(p.total, ctx)),
  },
  CartLine: {
    id: (line: CartLineParent) => encodeGlobalId('CartLine', line.id),
    // The catalog's node fetcher resolves (and batches) the variant.
    merchandise: (line: CartLineParent, _: unknown, ctx: GatewayContext) =>
      ctx.loadNodeOf<ResolversParentTypes['ProductVariant']>('ProductVariant', line.variant_id),
    cost: (line: CartLineParent, _: unknown, ctx: GatewayContext) =>
      linePriceOf(line, ctx).then((price) => ({
        amountPerQuantity: money(line.price, ctx),
        subtotalAmount: moneyOf(price.subtotal, ctx),
        totalAmount: moneyOf(price.subtotal - price.discount, ctx),
        totalTaxAmount: moneyOf(price.tax, ctx),
      })),
  },
};
