import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Customers of a shop. Emails are stored lower-cased and unique per tenant, so checkout can find or
 * create a customer with one upsert. `name_key` orders the NAME sort; every filter and sort has an
 * index leading with tenant_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('name_key', 'text', (c) =>
      c
        .notNull()
        .generatedAlwaysAs(sql`lower(coalesce(last_name, '') || ' ' || coalesce(first_name, '') || ' ' || email)`)
        .stored(),
    )
    .addColumn('orders_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_spent', sql`numeric(14,2)`, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('customers_tenant_email', ['tenant_id', 'email'])
    .execute();
  for (const [name, column] of [
    ['id', 'id'],
    ['created', 'created_at'],
    ['updated', 'updated_at'],
    ['name', 'name_key'],
  ]) {
    const columns = column === 'id' ? ['tenant_id', 'id'] : ['tenant_id', column, 'id'];
    await db.schema.createIndex(`customers_tenant_${name}`).on('customers').columns(columns).execute();
  }
  await enableTenantIsolation(db, 'customers');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customers').execute();
}
