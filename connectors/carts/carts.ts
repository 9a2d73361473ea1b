import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Updateable } from 'kysely';
import { lockRow } from '../../src/sdk/db';
import { CART_COLUMNS, type CartLineRow, type CartRow, type CartsTable, type CartTables } from './tables';

/** 144 random bits: a cart id cannot be guessed or enumerated. */
export function newCartToken(): string {
  return randomBytes(18).toString('base64url');
}

/** The cart, locked for this transaction, so concurrent changes and checkouts of one cart queue. */
export function lockCart(trx: Kysely<CartTables>, tenantId: string, id: string): Promise<CartRow | null> {
  return lockRow<CartRow>(trx, 'carts', tenantId, id, CART_COLUMNS);
}

export async function cartLines(trx: Kysely<CartTables>, tenantId: string, cartId: string): Promise<CartLineRow[]> {
  return trx
    .selectFrom('cart_lines')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('cart_id', '=', cartId)
    .orderBy('id')
    .execute();
}

/** Sets the columns and `updated_at`; returns the row as it now stands (the answer needs no second read). */
export async function touchCart(
  trx: Kysely<CartTables>,
  tenantId: string,
  id: string,
  changes: Updateable<CartsTable> = {},
): Promise<CartRow | undefined> {
  return trx
    .updateTable('carts')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(CART_COLUMNS)
    .executeTakeFirst();
}

/** Sets each variant's line to the given quantity: inserts, updates, or deletes it (quantity 0). */
export async function writeLines(
  trx: Kysely<CartTables>,
  tenantId: string,
  cartId: string,
  quantities: ReadonlyMap<string, number>,
): Promise<void> {
  const keep = [...quantities].filter(([, q]) => q > 0);
  const drop = [...quantities].filter(([, q]) => q === 0).map(([variantId]) => variantId);
  if (keep.length > 0) {
    await trx
      .insertInto('cart_lines')
      .values(keep.map(([variant_id, quantity]) => ({ tenant_id: tenantId, cart_id: cartId, variant_id, quantity })))
      .onConflict((oc) =>
        oc.columns(['cart_id', 'variant_id']).doUpdateSet((eb) => ({ quantity: eb.ref('excluded.quantity') })),
      )
      .execute();
  }
  if (drop.length > 0) {
    await trx
      .deleteFrom('cart_lines')
      .where('tenant_id', '=', tenantId)
      .where('cart_id', '=', cartId)
      .where('variant_id', 'in', drop)
      .execute();
  }
}
