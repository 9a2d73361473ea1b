import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Email verification: an account records when its email was confirmed (accounts opened before this
 * migration count as confirmed at their creation), and activation tokens are stored as hashes, expire,
 * and work once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customer_accounts').addColumn('email_verified_at', 'timestamptz').execute();
  await sql`update customer_accounts set email_verified_at = created_at`.execute(db);
  await db.schema
    .createTable('customer_activation_tokens')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('customer_activation_tokens_tenant_hash', ['tenant_id', 'token_hash'])
    .execute();
  await db.schema
    .createIndex('customer_activation_tokens_tenant_customer')
    .on('customer_activation_tokens')
    .columns(['tenant_id', 'customer_id'])
    .execute();
  await enableTenantIsolation(db, 'customer_activation_tokens');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_activation_tokens').execute();
  await db.schema.alterTable('customer_accounts').dropColumn('email_verified_at').execute();
}
