import type { Kysely } from 'kysely';

/**
 * The signed-in shopper a cart was created for: such a cart answers only that shopper. Null for a
 * guest's cart, which its id alone opens. No foreign key: a customer's erasure leaves the column as is,
 * and the cart stays closed to everyone else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carts').addColumn('customer_id', 'bigint').execute();
  await db.schema.createIndex('carts_tenant_customer').on('carts').columns(['tenant_id', 'customer_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('carts_tenant_customer').execute();
  await db.schema.alterTable('carts').dropColumn('customer_id').execute();
}
