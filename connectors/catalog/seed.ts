import type { PluginRuntime, SeedOptions } from '../../src/sdk';
import type { CatalogTables } from './tables';

const ADJECTIVES = ['Alpine', 'Coastal', 'Urban', 'Classic', 'Trail', 'Summit', 'Harbor', 'Meadow', 'Canyon', 'Nordic'];
const NOUNS = ['Jacket', 'Backpack', 'Boot', 'Beanie', 'Tee', 'Hoodie', 'Tent', 'Mug', 'Lamp', 'Blanket'];
const VENDORS = ['Northwind', 'Evergreen Co', 'Blue Ridge', 'Fjord'];
const SIZES = ['S', 'M', 'L'];

export const DEMO_PRODUCTS_PER_TENANT = 200;
const BATCH = 20;

/** Deterministic so demo data and tests agree across machines. */
function demoProduct(i: number) {
  const title = `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]} ${Math.floor(i / 100) + 1}`;
  return {
    handle: title.toLowerCase().replace(/\s+/g, '-'),
    title,
    description: `The ${title}, built to last.`,
    vendor: VENDORS[i % VENDORS.length],
    product_type: NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length],
    tags: [i % 2 ? 'outdoor' : 'home', i % 5 === 0 ? 'sale' : 'new'],
    variantCount: (i % 3) + 1,
    basePrice: 10 + ((i * 37) % 190),
  };
}

/**
 * Demo products for each tenant, inserted in alternating batches so the tenants' ids interleave as a
 * shared sequence gives them in production.
 */
export async function seedCatalog(runtime: PluginRuntime, { tenants }: SeedOptions): Promise<void> {
  for (let start = 0; start < DEMO_PRODUCTS_PER_TENANT; start += BATCH) {
    for (const tenant of tenants) {
      await runtime.withTenant<CatalogTables, void>(tenant.id, async (db) => {
        const batch = Array.from({ length: BATCH }, (_, k) => demoProduct(start + k));
        const products = await db
          .insertInto('products')
          .values(batch.map(({ variantCount: _v, basePrice: _p, ...p }) => ({ ...p, tenant_id: tenant.id })))
          .returning(['id', 'handle'])
          .execute();
        const variants = products.flatMap((row, k) =>
          Array.from({ length: batch[k].variantCount }, (_, v) => ({
            tenant_id: tenant.id,
            product_id: row.id,
            title: batch[k].variantCount === 1 ? 'Default' : SIZES[v],
            sku: `${row.handle}-${v + 1}`.toUpperCase(),
            price: (batch[k].basePrice + v * 5).toFixed(2),
            position: v + 1,
          })),
        );
        await db.insertInto('product_variants').values(variants).execute();
      });
    }
  }
}
