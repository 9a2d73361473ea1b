import type { GatewayContext } from '../../src/sdk';
import {
  addCartLines,
  createCart,
  removeCartLines,
  updateBuyerIdentity,
  updateCartLines,
  type CartInput,
  type CartResult,
  type LineInput,
  type LineUpdateInput,
} from '../../connectors/carts/cart-changes';
import { completeCheckout } from '../../connectors/carts/checkout/complete';
import type { BuyerIdentityInput } from '../../connectors/carts/validation';
import { cartTokenOf } from './cart-id';

/** The payload with the cart as it is now (the loaders forget what they read before the change). */
async function payload(ctx: GatewayContext, result: CartResult) {
  if (!result.cartId) return { cart: null, userErrors: result.userErrors };
  ctx.loaders.cartById.clear(result.cartId);
  ctx.loaders.pricedLinesByCart.clear(result.cartId);
  return { cart: await ctx.loaders.cartById.load(result.cartId), userErrors: result.userErrors };
}

type CartArgs = { cartId: string };

export const cartMutations = {
  Mutation: {
    cartCreate: async (_: unknown, args: { input?: CartInput | null }, ctx: GatewayContext) =>
      payload(ctx, await createCart(ctx.db, args.input ?? {})),
    cartLinesAdd: async (_: unknown, args: CartArgs & { lines: LineInput[] }, ctx: GatewayContext) =>
      payload(ctx, await addCartLines(ctx.db, cartTokenOf(args.cartId), args.lines)),
    cartLinesUpdate: async (_: unknown, args: CartArgs & { lines: LineUpdateInput[] }, ctx: GatewayContext) =>
      payload(ctx, await updateCartLines(ctx.db, cartTokenOf(args.cartId), args.lines)),
    cartLinesRemove: async (_: unknown, args: CartArgs & { lineIds: string[] }, ctx: GatewayContext) =>
      payload(ctx, await removeCartLines(ctx.db, cartTokenOf(args.cartId), args.lineIds)),
    cartBuyerIdentityUpdate: async (
      _: unknown,
      args: CartArgs & { buyerIdentity: BuyerIdentityInput },
      ctx: GatewayContext,
    ) => payload(ctx, await updateBuyerIdentity(ctx.db, cartTokenOf(args.cartId), args.buyerIdentity)),
    checkoutComplete: (
      _: unknown,
      args: CartArgs & { idempotencyKey: string; email?: string | null },
      ctx: GatewayContext,
    ) =>
      completeCheckout(ctx.db, ctx.tenant.currency, {
        cartId: cartTokenOf(args.cartId),
        idempotencyKey: args.idempotencyKey,
        email: args.email,
      }),
  },
};
