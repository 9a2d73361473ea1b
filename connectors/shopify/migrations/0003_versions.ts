import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/** Retail tables whose rows carry the Shopify `updated_at` they were last written from. */
export const VERSIONED_TABLES = ['products', 'product_variants', 'inventory_levels', 'customers', 'orders'] as const;

/**
 * `shopify_updated_at`: Shopify's own `updated_at` of the version a row was written from, apart from
 * `updated_at` (which gateway writes set to now()), so a write from Shopify applies only when it is not
 * older than the stored version. `triggered_at` keeps a queued webhook's `X-Shopify-Triggered-At`, the
 * only time a delete carries. `shopify_tombstones` remembers deleted records and when, so a version
 * from before the delete, arriving after it, does not bring the record back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await sql`alter table ${sql.table(table)} add column if not exists shopify_updated_at timestamptz`.execute(db);
  }
  await sql`alter table shopify_webhook_events add column triggered_at timestamptz`.execute(db);
  await sql`create table shopify_tombstones (
    tenant_id text not null,
    external_id text not null,
    deleted_at timestamptz not null,
    primary key (tenant_id, external_id)
  )`.execute(db);
  await enableTenantIsolation(db, 'shopify_tombstones');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table shopify_tombstones`.execute(db);
  await sql`alter table shopify_webhook_events drop column triggered_at`.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql`alter table ${sql.table(table)} drop column if exists shopify_updated_at`.execute(db);
  }
}
