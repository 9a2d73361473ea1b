import { sql, type Kysely } from 'kysely';

/** Domain tables that keep the Shopify id of the rows the sync writes. */
export const SOURCED_TABLES = [
  'products',
  'product_variants',
  'collections',
  'locations',
  'customers',
  'orders',
  'order_line_items',
] as const;

/**
 * `source` + `external_id` on the retail tables (null for rows created in the gateway), unique per
 * tenant so every sync write is an upsert on (tenant_id, source, external_id). Variants also keep
 * their inventory item id: Shopify's inventory levels name the item, not the variant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of SOURCED_TABLES) {
    await sql`alter table ${sql.table(table)}
      add column if not exists source text, add column if not exists external_id text`.execute(db);
    await sql`create unique index if not exists ${sql.id(`${table}_tenant_source_external`)}
      on ${sql.table(table)} (tenant_id, source, external_id)`.execute(db);
  }
  await sql`alter table product_variants add column if not exists external_inventory_item_id text`.execute(db);
  await sql`create index if not exists product_variants_tenant_inventory_item
    on product_variants (tenant_id, external_inventory_item_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists product_variants_tenant_inventory_item`.execute(db);
  await sql`alter table product_variants drop column if exists external_inventory_item_id`.execute(db);
  for (const table of SOURCED_TABLES) {
    await sql`drop index if exists ${sql.id(`${table}_tenant_source_external`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column if exists source, drop column if exists external_id`.execute(
      db,
    );
  }
}
