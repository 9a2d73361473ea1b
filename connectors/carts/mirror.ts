import type { Kysely } from 'kysely';
import type { CartMirrorCall, CartMirrorOutcome } from '../../src/sdk';
import { cartLines } from './carts';
import type { CartTables } from './tables';
import type { UserError } from './validation';

/** The tenant's cart mirror (src/sdk/cart-mirror.ts), bound to the request; absent for carts only ours. */
export type MirrorCart = (call: Omit<CartMirrorCall, 'ctx'>) => Promise<CartMirrorOutcome>;

/** How a change of a mirrored cart runs: the mirror, and the input path of each variant it adds. */
export interface Mirroring {
  mirror: MirrorCart;
  /** Filled by the change: variant id -> the input path that named it (`lines.0.merchandiseId`). */
  fields: Map<string, string[]>;
}

export const mirroring = (mirror: MirrorCart | null | undefined): Mirroring | undefined =>
  mirror ? { mirror, fields: new Map() } : undefined;

/**
 * Brings the system's copy of the cart to the state the change left in `trx` (still uncommitted),
 * then keeps its id and checkout URL with our cart. Its refusals refuse the change; a system that
 * cannot be reached throws, which undoes the change too: our cart changes only after the system's.
 */
export async function mirrorChange(
  trx: Kysely<CartTables>,
  tenantId: string,
  cartId: string,
  { mirror, fields }: Mirroring,
): Promise<UserError[]> {
  const cart = await trx
    .selectFrom('carts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', cartId)
    .executeTakeFirstOrThrow();
  const lines = await cartLines(trx, tenantId, cartId);
  const outcome = await mirror({
    trx: trx as unknown as Kysely<unknown>,
    cart: {
      id: cart.id,
      externalId: cart.external_cart_id,
      lines: lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
      email: cart.email,
      phone: cart.phone,
      countryCode: cart.country_code,
      deliveryAddress: cart.delivery_address,
      discountCodes: cart.discount_codes,
      note: cart.note,
    },
    fieldOf: (variantId) => fields.get(variantId) ?? ['cartId'],
  });
  // The system's codes are in the schema's UserErrorCode, as the checkout's are.
  if ('userErrors' in outcome) return outcome.userErrors as UserError[];
  if (outcome.externalId !== cart.external_cart_id || outcome.checkoutUrl !== cart.checkout_url) {
    await trx
      .updateTable('carts')
      .set({ external_cart_id: outcome.externalId, checkout_url: outcome.checkoutUrl })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', cartId)
      .execute();
  }
  return [];
}
