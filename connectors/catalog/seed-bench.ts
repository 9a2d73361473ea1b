import { sql } from 'kysely';
import type { PluginRuntime, Tenant } from '../../src/sdk';

export const BENCH_PRODUCTS_PER_TENANT = 10_000;
const BATCH = 1_000;

/**
 * One batch of bench products, each with 3 variants (S/M/L), a Size option and an image, in a few
 * set-based statements. Prices, sales and creation times vary deterministically with the number.
 */
const insertBatch = (tenantId: string, from: number, to: number) => sql`
  with p as (
    insert into products (tenant_id, handle, title, description, vendor, product_type, tags, status,
      published_at, created_at, updated_at, total_sold, min_price, max_price)
    select ${tenantId}, 'bench-product-' || g,
      (array['Alpine','Coastal','Urban','Classic','Trail','Summit','Harbor','Meadow','Canyon','Nordic'])[1 + g % 10]
        || ' ' || (array['Jacket','Backpack','Boot','Beanie','Tee','Hoodie','Tent','Mug','Lamp','Blanket'])[1 + (g / 10) % 10]
        || ' ' || g,
      'Bench product ' || g || ', built to last.',
      (array['Northwind','Evergreen Co','Blue Ridge','Fjord'])[1 + g % 4],
      (array['Jacket','Backpack','Boot','Beanie','Tee','Hoodie','Tent','Mug','Lamp','Blanket'])[1 + (g / 10) % 10],
      array[case when g % 2 = 1 then 'outdoor' else 'home' end, case when g % 5 = 0 then 'sale' else 'new' end],
      case when g % 25 = 24 then 'DRAFT' else 'ACTIVE' end,
      case when g % 25 = 24 then null else timestamptz '2025-01-01' + g * interval '1 minute' end,
      timestamptz '2025-01-01' + g * interval '1 minute', timestamptz '2025-01-01' + g * interval '1 minute',
      (g * 7919) % 500, 10 + (g * 37) % 190, 20 + (g * 37) % 190
    from generate_series(${from}::int, ${to}::int) g
    returning id, handle, min_price
  ),
  v as (
    insert into product_variants (tenant_id, product_id, title, sku, price, option_values, position)
    select ${tenantId}, p.id, (array['S','M','L'])[s], upper(p.handle) || '-' || s, p.min_price + (s - 1) * 5,
      array[(array['S','M','L'])[s]], s
    from p cross join generate_series(1, 3) s
    returning 1
  ),
  o as (
    insert into product_options (tenant_id, product_id, name, position, values)
    select ${tenantId}, p.id, 'Size', 1, array['S','M','L'] from p
    returning 1
  )
  insert into product_images (tenant_id, product_id, url, alt_text, position)
  select ${tenantId}, p.id, 'https://cdn.example.com/bench/' || p.handle || '.jpg', p.handle, 1 from p`;

/** 10,000 products (or `count`) x 3 variants per tenant; batches alternate between tenants so ids interleave. */
export async function seedBenchCatalog(
  runtime: PluginRuntime,
  tenants: readonly Tenant[],
  count = BENCH_PRODUCTS_PER_TENANT,
): Promise<void> {
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    for (const tenant of tenants) {
      await runtime.withTenant(tenant.id, (db) => insertBatch(tenant.id, from, to).execute(db));
    }
  }
  for (const tenant of tenants) {
    await runtime.withTenant(tenant.id, async (db) => {
      await sql`insert into collections (tenant_id, handle, title, published_at)
        select ${tenant.id}, 'bench-' || lower(t), t || 's', now()
        from unnest(array['Jacket','Backpack','Boot','Beanie','Tee','Hoodie','Tent','Mug','Lamp','Blanket']) t`.execute(
        db,
      );
      await sql`insert into collection_products (tenant_id, collection_id, product_id, position)
        select ${tenant.id}, c.id, p.id, row_number() over (partition by c.id order by p.id)
        from collections c join products p on p.tenant_id = c.tenant_id and c.handle = 'bench-' || lower(p.product_type)
        where c.tenant_id = ${tenant.id}`.execute(db);
    });
  }
}
