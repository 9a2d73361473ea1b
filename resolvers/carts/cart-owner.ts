import type { Kysely } from 'kysely';
import type { GatewayContext } from '../../src/sdk';
import type { CartRef } from '../../connectors/carts/cart-changes';
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

/**
 * The cart a change names, checked against the row the change locks (no read of its own). The shopper
 * is verified first, outside the change: a refused change must not undo what verifying wrote (an
 * identity's first sign-in creates its customer). Without a shopper credential that sends nothing.
 */
export async function cartRef(ctx: GatewayContext, globalId: string): Promise<CartRef> {
  const shopper = await ctx.shopper();
  return {
    token: cartTokenOf(globalId),
    mayUse: (cart) => cart.customer_id == null || shopper?.customerId === cart.customer_id,
  };
}

/** The owner of a cart created now: the signed-in shopper, if any. */
export async function newCartOwner(ctx: GatewayContext) {
  return ctx.shopper();
}
