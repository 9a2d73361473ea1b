import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Delivery: a cart's address and chosen delivery option; the tenant's shipping zones (regions are
 * 'DE', 'US-CA' or '*' for the rest of the world) and their rates. Amounts are decimals in the
 * tenant's currency, read into exact minor units.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('carts')
    .addColumn('delivery_address', 'jsonb')
    .addColumn('delivery_option_handle', 'text')
    .execute();

  await db.schema
    .createTable('shipping_zones')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('regions', sql`text[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('shipping_zones_tenant').on('shipping_zones').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('shipping_rates')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'bigint', (c) => c.notNull().references('shipping_zones.id').onDelete('cascade'))
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('FLAT', 'WEIGHT', 'SUBTOTAL')`))
    .addColumn('price', sql`numeric(14,3)`, (c) => c.notNull().check(sql`price >= 0`))
    .addColumn('min_weight_grams', 'integer')
    .addColumn('max_weight_grams', 'integer')
    .addColumn('min_subtotal', sql`numeric(14,3)`)
    .addColumn('max_subtotal', sql`numeric(14,3)`)
    .addColumn('free_above', sql`numeric(14,3)`)
    .addColumn('min_delivery_days', 'integer')
    .addColumn('max_delivery_days', 'integer')
    .addUniqueConstraint('shipping_rates_zone_handle', ['tenant_id', 'zone_id', 'handle'])
    .execute();

  await enableTenantIsolation(db, 'shipping_zones');
  await enableTenantIsolation(db, 'shipping_rates');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shipping_rates').execute();
  await db.schema.dropTable('shipping_zones').execute();
  await db.schema.alterTable('carts').dropColumn('delivery_option_handle').dropColumn('delivery_address').execute();
}
