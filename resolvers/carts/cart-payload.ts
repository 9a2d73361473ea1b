import type { GatewayContext } from '../../src/sdk';
import type { CartResult } from '../../connectors/carts/cart-changes';
import type { DeliveryReads } from '../../connectors/carts/delivery/changes';

/**
 * The payload with the cart as it is now: the row the change returned, else read again. The loaders
 * forget what they read before the change; a change that kept the lines (`linesKept`) keeps them read.
 */
export async function cartPayload(ctx: GatewayContext, result: CartResult, options: { linesKept?: boolean } = {}) {
  if (!result.cartId) return { cart: null, userErrors: result.userErrors };
  ctx.loaders.cartById.clear(result.cartId);
  if (result.cart) ctx.loaders.cartById.prime(result.cartId, result.cart);
  if (!options.linesKept) ctx.loaders.pricedLinesByCart.clear(result.cartId);
  ctx.loaders.cartQuote.clearAll();
  return { cart: await ctx.loaders.cartById.load(result.cartId), userErrors: result.userErrors };
}

/** A delivery change reads the zones and lines through the request's loaders, which the answer reuses. */
export const deliveryReads = (ctx: GatewayContext): DeliveryReads => ({
  zones: () => ctx.loaders.shippingZones.load('all'),
  lines: (cartId) => ctx.loaders.pricedLinesByCart.load(cartId),
});
