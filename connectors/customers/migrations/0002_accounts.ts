import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Shoppers' accounts: a password hash per customer (kept apart from the customer row, so no customer
 * read ever selects it), access tokens stored as SHA-256 hashes with an expiry, and saved addresses
 * with at most one default per customer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_accounts')
    .addColumn('customer_id', 'bigint', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('accepts_marketing', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('customer_accounts_tenant_customer')
    .on('customer_accounts')
    .columns(['tenant_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('customer_access_tokens')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('customer_access_tokens_tenant_hash', ['tenant_id', 'token_hash'])
    .execute();
  await db.schema
    .createIndex('customer_access_tokens_tenant_customer')
    .on('customer_access_tokens')
    .columns(['tenant_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('customer_addresses')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('company', 'text')
    .addColumn('address1', 'text')
    .addColumn('address2', 'text')
    .addColumn('city', 'text')
    .addColumn('province', 'text')
    .addColumn('zip', 'text')
    .addColumn('country_code', 'text')
    .addColumn('phone', 'text')
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('customer_addresses_tenant_customer')
    .on('customer_addresses')
    .columns(['tenant_id', 'customer_id', 'id'])
    .execute();
  await db.schema
    .createIndex('customer_addresses_one_default')
    .on('customer_addresses')
    .columns(['tenant_id', 'customer_id'])
    .unique()
    .where(sql.ref('is_default'), '=', true)
    .execute();

  for (const table of ['customer_accounts', 'customer_access_tokens', 'customer_addresses']) {
    await enableTenantIsolation(db, table);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_addresses').execute();
  await db.schema.dropTable('customer_access_tokens').execute();
  await db.schema.dropTable('customer_accounts').execute();
}
