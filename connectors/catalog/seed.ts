import { sql, type Kysely } from 'kysely';
import type { PluginRuntime, SeedOptions } from '../../src/sdk';
import { applySearchLanguages } from './search-language';
import { seedBenchCatalog } from './seed-bench';
import { DEMO_COLLECTIONS, DEMO_PRODUCTS_PER_TENANT, demoProduct } from './seed-demo-data';
import type { CatalogTables } from './tables';

const BATCH = 20;

async function insertDemoBatch(db: Kysely<CatalogTables>, tenantId: string, start: number): Promise<void> {
  const batch = Array.from({ length: BATCH }, (_, k) => demoProduct(start + k));
  const products = await db
    .insertInto('products')
    .values(batch.map((b) => ({ ...b.product, tenant_id: tenantId })))
    .returning('id')
    .execute();
  const children = <T>(pick: (b: (typeof batch)[number]) => T[]) =>
    products.flatMap((row, k) =>
      pick(batch[k]).map((child) => ({ ...child, tenant_id: tenantId, product_id: row.id })),
    );
  await db
    .insertInto('product_variants')
    .values(children((b) => b.variants))
    .execute();
  await db
    .insertInto('product_images')
    .values(children((b) => b.images))
    .execute();
  const options = children((b) => (b.sizes.length ? [{ name: 'Size', position: 1, values: b.sizes }] : []));
  if (options.length) await db.insertInto('product_options').values(options).execute();
}

async function insertDemoCollections(db: Kysely<CatalogTables>, tenantId: string): Promise<void> {
  for (const c of DEMO_COLLECTIONS) {
    const row = await db
      .insertInto('collections')
      .values({
        tenant_id: tenantId,
        handle: c.handle,
        title: c.title,
        description: `Our ${c.title.toLowerCase()}.`,
        published_at: 'unpublished' in c ? null : sql<Date>`now()`,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into collection_products (tenant_id, collection_id, product_id, position)
      select ${tenantId}, ${row.id}, p.id, row_number() over (order by p.id)
      from products p where p.tenant_id = ${tenantId}
        and (${c.productType}::text is null or p.product_type = ${c.productType})
        and (${c.tag}::text is null or ${c.tag} = any(p.tags))`.execute(db);
  }
}

/**
 * Demo: about 200 products per tenant with variants, options, images and collections, inserted in
 * alternating batches so the tenants' ids interleave as a shared sequence gives them in production.
 * Bench: a large catalog generated in SQL.
 */
export async function seedCatalog(runtime: PluginRuntime, { profile, tenants, products }: SeedOptions): Promise<void> {
  // Before the products, so their documents are built once, in each tenant's language.
  await applySearchLanguages(runtime, tenants);
  if (profile === 'bench') return seedBenchCatalog(runtime, tenants, products);
  for (let start = 0; start < DEMO_PRODUCTS_PER_TENANT; start += BATCH) {
    for (const tenant of tenants) {
      await runtime.withTenant<CatalogTables, void>(tenant.id, (db) => insertDemoBatch(db, tenant.id, start));
    }
  }
  for (const tenant of tenants) {
    await runtime.withTenant<CatalogTables, void>(tenant.id, (db) => insertDemoCollections(db, tenant.id));
  }
}
