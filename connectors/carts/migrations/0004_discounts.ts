import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Discounts (a code, or automatic when it has none) and their uses; the codes a cart holds. The use
 * count is raised by a conditional update at checkout, so concurrent checkouts never exceed the limit,
 * and a customer's use is a unique row, so "once per customer" holds under concurrency too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('carts')
    .addColumn('discount_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();

  await db.schema
    .createTable('discounts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('PERCENTAGE', 'FIXED_AMOUNT', 'FREE_SHIPPING')`))
    .addColumn('value', sql`numeric(14,4)`, (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`value >= 0`),
    )
    .addColumn('product_ids', sql`bigint[]`)
    .addColumn('collection_ids', sql`bigint[]`)
    .addColumn('min_subtotal', sql`numeric(14,3)`)
    .addColumn('min_quantity', 'integer')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ends_at', 'timestamptz')
    .addColumn('usage_limit', 'integer')
    .addColumn('usage_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('once_per_customer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('combines', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('discounts_usage_within_limit', sql`usage_limit is null or usage_count <= usage_limit`)
    .execute();
  await sql`create unique index discounts_tenant_code on discounts (tenant_id, upper(code)) where code is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('discounts_tenant_active')
    .on('discounts')
    .columns(['tenant_id', 'active', 'id'])
    .execute();

  await db.schema
    .createTable('discount_usages')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('discount_id', 'bigint', (c) => c.notNull().references('discounts.id').onDelete('cascade'))
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index discount_usages_once on discount_usages (tenant_id, discount_id, email) where email is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('discount_usages_tenant_order')
    .on('discount_usages')
    .columns(['tenant_id', 'order_id'])
    .execute();

  await enableTenantIsolation(db, 'discounts');
  await enableTenantIsolation(db, 'discount_usages');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('discount_usages').execute();
  await db.schema.dropTable('discounts').execute();
  await db.schema.alterTable('carts').dropColumn('discount_codes').execute();
}
