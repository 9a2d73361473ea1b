import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

const check = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/**
 * Orders with line items that snapshot title and price at checkout, the stock each line took from each
 * location (so a cancel restocks exactly there), and a per-tenant order number counter. Line items
 * keep their history when a product or variant is deleted (the reference becomes null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('cart_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('customer_id', 'bigint', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('OPEN')
        .check(check('status', ['OPEN', 'CANCELLED'])),
    )
    .addColumn('financial_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('PENDING')
        .check(check('financial_status', ['PENDING', 'PAID', 'REFUNDED', 'VOIDED'])),
    )
    .addColumn('fulfillment_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('UNFULFILLED')
        .check(check('fulfillment_status', ['UNFULFILLED', 'FULFILLED'])),
    )
    .addColumn('currency_code', 'text', (c) => c.notNull())
    .addColumn('subtotal', sql`numeric(14,2)`, (c) => c.notNull().check(sql`subtotal >= 0`))
    .addColumn('total', sql`numeric(14,2)`, (c) => c.notNull().check(sql`total >= 0`))
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('fulfilled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('orders_tenant_number', ['tenant_id', 'number'])
    .addUniqueConstraint('orders_tenant_idempotency_key', ['tenant_id', 'idempotency_key'])
    .execute();
  // Every filter and sort key, each leading with tenant_id and ending with id (the keyset tie-breaker).
  for (const [name, column] of [
    ['created', 'created_at'],
    ['updated', 'updated_at'],
    ['total', 'total'],
    ['status', 'status'],
    ['financial', 'financial_status'],
    ['fulfillment', 'fulfillment_status'],
    ['customer', 'customer_id'],
  ]) {
    await db.schema.createIndex(`orders_tenant_${name}`).on('orders').columns(['tenant_id', column, 'id']).execute();
  }
  await db.schema.createIndex('orders_tenant_id').on('orders').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('order_line_items')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('variant_id', 'bigint', (c) => c.references('product_variants.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('variant_title', 'text')
    .addColumn('sku', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price', sql`numeric(12,2)`, (c) => c.notNull().check(sql`unit_price >= 0`))
    .addColumn('total', sql`numeric(14,2)`, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('order_line_items_tenant_order')
    .on('order_line_items')
    .columns(['tenant_id', 'order_id', 'id'])
    .execute();

  await db.schema
    .createTable('order_allocations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('variant_id', 'bigint', (c) => c.notNull().references('product_variants.id').onDelete('cascade'))
    .addColumn('location_id', 'bigint', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addPrimaryKeyConstraint('order_allocations_pkey', ['order_id', 'variant_id', 'location_id'])
    .execute();
  await db.schema
    .createIndex('order_allocations_tenant_order')
    .on('order_allocations')
    .columns(['tenant_id', 'order_id'])
    .execute();

  await db.schema
    .createTable('order_counters')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  for (const table of ['orders', 'order_line_items', 'order_allocations', 'order_counters']) {
    await enableTenantIsolation(db, table);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['order_counters', 'order_allocations', 'order_line_items', 'orders']) {
    await db.schema.dropTable(table).execute();
  }
}
