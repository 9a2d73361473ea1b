import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Carts keyed by a random token (never a sequence: the id is the buyer's only credential for the
 * cart), and their lines, one per variant. A completed cart points at the order it became.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('ACTIVE')
        .check(sql`status in ('ACTIVE', 'COMPLETED')`),
    )
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('country_code', 'text')
    .addColumn('note', 'text')
    .addColumn('order_id', 'bigint', (c) => c.references('orders.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Carts are looked up by id only; this one serves clean-up of stale carts per tenant.
  await db.schema.createIndex('carts_tenant_updated').on('carts').columns(['tenant_id', 'updated_at']).execute();

  await db.schema
    .createTable('cart_lines')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('variant_id', 'bigint', (c) => c.notNull().references('product_variants.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 999`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('cart_lines_cart_variant', ['cart_id', 'variant_id'])
    .execute();
  await db.schema
    .createIndex('cart_lines_tenant_cart')
    .on('cart_lines')
    .columns(['tenant_id', 'cart_id', 'id'])
    .execute();

  await enableTenantIsolation(db, 'carts');
  await enableTenantIsolation(db, 'cart_lines');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cart_lines').execute();
  await db.schema.dropTable('carts').execute();
}
