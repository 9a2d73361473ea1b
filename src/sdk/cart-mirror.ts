import type { Kysely } from 'kysely';
import type { GatewayContext } from './context';
import { asSystemFailure, type CheckoutUserError, type DraftAddress } from './system-of-record';

/**
 * Carts mirrored to a system of record's own checkout (Shopify's Storefront API cart): after each of
 * our cart writes, inside its transaction and before it commits, the system's cart is brought to the
 * same state, so our copy changes only once the system has answered.
 */

/** Our cart as the system's copy must hold it, after the change. */
export interface MirroredCart {
  id: string;
  /** The system's cart, as kept with ours (null: none yet). */
  externalId: string | null;
  lines: { variantId: string; quantity: number }[];
  email: string | null;
  phone: string | null;
  countryCode: string | null;
  deliveryAddress: DraftAddress | null;
  discountCodes: string[];
  note: string | null;
}

export interface CartMirrorCall {
  ctx: GatewayContext;
  /** The request's transaction, in which the cart is locked and changed (the system reads with it). */
  trx: Kysely<unknown>;
  cart: MirroredCart;
  /** The input path of the line that brought a variant (for refusals); the cart's otherwise. */
  fieldOf: (variantId: string) => string[];
}

/** The system's cart after the mirror, or why it refused: then our change is undone too. */
export type CartMirrorOutcome = { externalId: string; checkoutUrl: string } | { userErrors: CheckoutUserError[] };

export interface CartMirror {
  /** Whether the tenant's carts are mirrored (it checks out in the system). */
  mirrors(ctx: GatewayContext): boolean;
  /** Throws a GatewayError (UPSTREAM_*) when the system cannot be reached. */
  mirror(call: CartMirrorCall): Promise<CartMirrorOutcome>;
}

/** The mirror of the tenant's carts, bound to the request, or null when its carts are only ours. */
export function cartMirrorOf(
  ctx: GatewayContext,
): ((call: Omit<CartMirrorCall, 'ctx'>) => Promise<CartMirrorOutcome>) | null {
  for (const system of ctx.recordSystems) {
    const carts = system.carts;
    if (!carts || !system.modeFor(ctx.tenant) || !carts.mirrors(ctx)) continue;
    return (call) =>
      carts.mirror({ ...call, ctx }).catch((error: unknown) => {
        throw asSystemFailure(error, system);
      });
  }
  return null;
}
