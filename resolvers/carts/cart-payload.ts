import type { GatewayContext } from '../../src/sdk';
import type { CartResult } from '../../connectors/carts/cart-changes';

/** The payload with the cart as it is now (the loaders forget what they read before the change). */
export async function cartPayload(ctx: GatewayContext, result: CartResult) {
  if (!result.cartId) return { cart: null, userErrors: result.userErrors };
  ctx.loaders.cartById.clear(result.cartId);
  ctx.loaders.pricedLinesByCart.clear(result.cartId);
  ctx.loaders.cartQuote.clearAll();
  return { cart: await ctx.loaders.cartById.load(result.cartId), userErrors: result.userErrors };
}
