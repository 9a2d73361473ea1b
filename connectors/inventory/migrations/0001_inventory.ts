import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Locations, stock per variant and location, and the adjustment history. Stock never goes below zero
 * (a check constraint, so even a direct UPDATE cannot oversell). A statement trigger keeps
 * `product_variants.inventory_quantity` equal to the sum of the variant's levels, so storefront
 * availability filters need no join, whoever writes the levels (admin mutations, checkout, restock).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('locations')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('locations_tenant_id').on('locations').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('inventory_levels')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'bigint', (c) => c.notNull().references('product_variants.id').onDelete('cascade'))
    .addColumn('location_id', 'bigint', (c) => c.notNull().references('locations.id'))
    .addColumn('available', 'integer', (c) => c.notNull().check(sql`available >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('inventory_levels_pkey', ['variant_id', 'location_id'])
    .execute();
  await db.schema
    .createIndex('inventory_levels_tenant_variant')
    .on('inventory_levels')
    .columns(['tenant_id', 'variant_id', 'location_id'])
    .execute();
  await db.schema
    .createIndex('inventory_levels_tenant_location')
    .on('inventory_levels')
    .columns(['tenant_id', 'location_id', 'variant_id'])
    .execute();

  await db.schema
    .createTable('inventory_adjustments')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'bigint', (c) => c.notNull().references('product_variants.id').onDelete('cascade'))
    .addColumn('location_id', 'bigint', (c) => c.notNull().references('locations.id'))
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('quantity_after', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('inventory_adjustments_tenant_variant')
    .on('inventory_adjustments')
    .columns(['tenant_id', 'variant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('inventory_adjustments_tenant_id')
    .on('inventory_adjustments')
    .columns(['tenant_id', 'id'])
    .execute();

  for (const table of ['locations', 'inventory_levels', 'inventory_adjustments']) {
    await enableTenantIsolation(db, table);
  }

  await sql`create function inventory_levels_sync_variants() returns trigger language plpgsql as $$
    begin
      update product_variants v
         set inventory_quantity = (select sum(l.available) from inventory_levels l where l.variant_id = v.id)
       where v.id in (select distinct variant_id from changed_levels);
      return null;
    end $$`.execute(db);
  for (const [event, transition] of [
    ['insert', 'new table'],
    ['update', 'new table'],
    ['delete', 'old table'],
  ]) {
    await sql`create trigger ${sql.raw(`inventory_levels_${event}_sync`)}
      after ${sql.raw(event)} on inventory_levels
      referencing ${sql.raw(transition)} as changed_levels
      for each statement execute function inventory_levels_sync_variants()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inventory_adjustments').execute();
  await db.schema.dropTable('inventory_levels').execute();
  await db.schema.dropTable('locations').execute();
  await sql`drop function inventory_levels_sync_variants()`.execute(db);
  await sql`update product_variants set inventory_quantity = null`.execute(db);
}
