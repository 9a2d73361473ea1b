import type { Kysely } from 'kysely';

/**
 * A cart mirrored to a system of record's own checkout (Shopify's Storefront API cart): that cart's
 * id, and the URL where the buyer checks it out. Null for carts checked out here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carts').addColumn('external_cart_id', 'text').addColumn('checkout_url', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carts').dropColumn('external_cart_id').dropColumn('checkout_url').execute();
}
