import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * What checkout priced, snapshotted per order: the shipping address, shipping lines, tax lines,
 * discount applications (json, amounts as decimal strings) and totals. Later changes to zones, rates
 * or discounts never change a placed order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order_pricing')
    .addColumn('order_id', 'bigint', (c) => c.primaryKey().references('orders.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('shipping_address', 'jsonb')
    .addColumn('shipping_lines', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('tax_lines', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('discount_applications', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('subtotal', sql`numeric(16,3)`, (c) => c.notNull())
    .addColumn('total_shipping', sql`numeric(16,3)`, (c) => c.notNull())
    .addColumn('total_tax', sql`numeric(16,3)`, (c) => c.notNull())
    .addColumn('total_discounts', sql`numeric(16,3)`, (c) => c.notNull())
    .addColumn('total', sql`numeric(16,3)`, (c) => c.notNull().check(sql`total >= 0`))
    .addColumn('taxes_included', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('order_pricing_tenant_order')
    .on('order_pricing')
    .columns(['tenant_id', 'order_id'])
    .execute();
  await enableTenantIsolation(db, 'order_pricing');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_pricing').execute();
}
