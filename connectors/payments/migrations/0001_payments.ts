import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

const FINANCIAL = ['PENDING', 'AUTHORIZED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED'];
const FINANCIAL_BEFORE = ['PENDING', 'PAID', 'REFUNDED', 'VOIDED'];
const FULFILLMENT = ['UNFULFILLED', 'PARTIALLY_FULFILLED', 'FULFILLED'];
const FULFILLMENT_BEFORE = ['UNFULFILLED', 'FULFILLED'];

const TABLES = ['payment_transactions', 'payment_sessions', 'refund_lines', 'fulfillments', 'fulfillment_lines'];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

async function checkOrders(db: Kysely<unknown>, column: string, values: readonly string[]) {
  const name = sql.id(`orders_${column}_check`);
  await sql`alter table orders drop constraint ${name}`.execute(db);
  await sql`alter table orders add constraint ${name} check (${sql.ref(column)} in (${list(values)}))`.execute(db);
}

/**
 * The provider's record of an order's money (authorizations, captures, sales, voids, refunds), and the
 * statuses the payment lifecycle adds to orders (authorized, partially refunded, partially fulfilled).
 * A transaction's idempotency key is unique per tenant: a retried write finds the row it wrote.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await checkOrders(db, 'financial_status', FINANCIAL);
  await checkOrders(db, 'fulfillment_status', FULFILLMENT);
  await db.schema
    .createTable('payment_transactions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in (${list(['AUTHORIZATION', 'CAPTURE', 'SALE', 'VOID', 'REFUND'])})`),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${list(['PENDING', 'SUCCESS', 'FAILURE'])})`))
    .addColumn('amount', sql`numeric(14,2)`, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('currency_code', 'text', (c) => c.notNull())
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('gateway_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('payment_transactions_tenant_key', ['tenant_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('payment_transactions_tenant_order')
    .on('payment_transactions')
    .columns(['tenant_id', 'order_id', 'id'])
    .execute();
  await db.schema
    .createIndex('payment_transactions_tenant_gateway')
    .on('payment_transactions')
    .columns(['tenant_id', 'gateway', 'gateway_id'])
    .execute();
  await createSessions(db);
  await createRefundLines(db);
  await createFulfillments(db);
  for (const table of TABLES) await enableTenantIsolation(db, table);
}

/** The provider's payment (a Stripe PaymentIntent) opened for an order: one per order. */
async function createSessions(db: Kysely<unknown>) {
  await db.schema
    .createTable('payment_sessions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('gateway_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('payment_sessions_tenant_order', ['tenant_id', 'order_id'])
    .addUniqueConstraint('payment_sessions_tenant_gateway', ['tenant_id', 'gateway', 'gateway_id'])
    .execute();
}

/** The line items (and units) a refund gave back, and whether their stock was returned. */
async function createRefundLines(db: Kysely<unknown>) {
  await db.schema
    .createTable('refund_lines')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'bigint', (c) => c.notNull().references('payment_transactions.id').onDelete('cascade'))
    .addColumn('line_item_id', 'bigint', (c) => c.notNull().references('order_line_items.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('restock', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('refund_lines_tenant_line')
    .on('refund_lines')
    .columns(['tenant_id', 'line_item_id'])
    .execute();
}

/** Shipments of an order: which units left from which location, with tracking. */
async function createFulfillments(db: Kysely<unknown>) {
  await db.schema
    .createTable('fulfillments')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('SUCCESS', 'CANCELLED')`))
    .addColumn('location_id', 'bigint', (c) => c.references('locations.id').onDelete('set null'))
    .addColumn('tracking_number', 'text')
    .addColumn('tracking_url', 'text')
    .addColumn('tracking_company', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .addUniqueConstraint('fulfillments_tenant_key', ['tenant_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('fulfillments_tenant_order')
    .on('fulfillments')
    .columns(['tenant_id', 'order_id', 'id'])
    .execute();
  await db.schema
    .createTable('fulfillment_lines')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('fulfillment_id', 'bigint', (c) => c.notNull().references('fulfillments.id').onDelete('cascade'))
    .addColumn('line_item_id', 'bigint', (c) => c.notNull().references('order_line_items.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .execute();
  await db.schema
    .createIndex('fulfillment_lines_tenant_fulfillment')
    .on('fulfillment_lines')
    .columns(['tenant_id', 'fulfillment_id', 'id'])
    .execute();
  await db.schema
    .createIndex('fulfillment_lines_tenant_line')
    .on('fulfillment_lines')
    .columns(['tenant_id', 'line_item_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...TABLES].reverse()) await db.schema.dropTable(table).execute();
  // The earlier statuses, nearest first: an authorization was still pending, a partial refund still paid.
  await sql`update orders set financial_status = case financial_status
      when 'AUTHORIZED' then 'PENDING' when 'PARTIALLY_REFUNDED' then 'PAID' else financial_status end,
      fulfillment_status = case fulfillment_status when 'PARTIALLY_FULFILLED' then 'UNFULFILLED' else fulfillment_status end
    where financial_status in ('AUTHORIZED', 'PARTIALLY_REFUNDED') or fulfillment_status = 'PARTIALLY_FULFILLED'`.execute(
    db,
  );
  await checkOrders(db, 'financial_status', FINANCIAL_BEFORE);
  await checkOrders(db, 'fulfillment_status', FULFILLMENT_BEFORE);
}
