import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Tax rates by country, or by province within it (rates of the country and of the province both
 * apply), and customers exempt from tax. Variants' own exemption is the catalog's `taxable`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tax_rates')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rate_percentage', sql`numeric(7,4)`, (c) => c.notNull().check(sql`rate_percentage between 0 and 100`))
    .addColumn('applies_to_shipping', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('tax_rates_tenant_region')
    .on('tax_rates')
    .columns(['tenant_id', 'country_code', 'province_code'])
    .execute();

  await db.schema
    .createTable('tax_exempt_customers')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('tax_exempt_customers_pk', ['tenant_id', 'customer_id'])
    .execute();

  await enableTenantIsolation(db, 'tax_rates');
  await enableTenantIsolation(db, 'tax_exempt_customers');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tax_exempt_customers').execute();
  await db.schema.dropTable('tax_rates').execute();
}
