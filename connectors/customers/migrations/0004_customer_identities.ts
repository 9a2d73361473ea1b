import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Shoppers known through the tenant's identity provider: one row per (issuer, subject), naming the
 * customer the provider's `sub` signs in as. Unique per tenant, so concurrent first sign-ins link once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_identities')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('customer_identities_tenant_subject', ['tenant_id', 'issuer', 'subject'])
    .execute();
  await db.schema
    .createIndex('customer_identities_tenant_customer')
    .on('customer_identities')
    .columns(['tenant_id', 'customer_id'])
    .execute();
  await enableTenantIsolation(db, 'customer_identities');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_identities').execute();
}
