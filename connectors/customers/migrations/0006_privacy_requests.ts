import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * The record of privacy requests: each data export and erasure of a customer, who asked for it and
 * when. It holds no personal data itself (the customer's id only; an erased customer's row stays, blank).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_privacy_requests')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('export', 'erase')`))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('customer_privacy_requests_tenant_customer')
    .on('customer_privacy_requests')
    .columns(['tenant_id', 'customer_id', 'id'])
    .execute();
  await enableTenantIsolation(db, 'customer_privacy_requests');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_privacy_requests').execute();
}
