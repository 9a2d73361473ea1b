import type { Kysely } from 'kysely';
import type { GatewayContext } from '../../src/sdk';
import type { CartRow } from '../../connectors/carts/tables';
import { cartTokenOf } from './cart-id';

/**
 * A guest's cart opens with its id; a signed-in shopper's cart only for that shopper. `on`: the
 * connection the caller reads the cart on, when it is not the request's (a system's checkout).
 */
export async function mayUseCart(
  ctx: GatewayContext,
  cart: Pick<CartRow, 'customer_id'>,
  on?: Kysely<unknown>,
): Promise<boolean> {
  if (cart.customer_id == null) return true;
  return (await ctx.shopper(on))?.customerId === cart.customer_id;
}

/**
 * The token of a cart id the caller may use, or null (which the connectors answer as a cart that does
 * not exist: another shopper's cart looks exactly like no cart).
 */
export async function usableCartToken(ctx: GatewayContext, globalId: string): Promise<string | null> {
  const token = cartTokenOf(globalId);
  if (!token) return null;
  const cart = await ctx.loaders.cartById.load(token);
  return !cart || (await mayUseCart(ctx, cart)) ? token : null;
}

/** The owner of a cart created now: the signed-in shopper, if any. */
export async function newCartOwner(ctx: GatewayContext) {
  return ctx.shopper();
}
