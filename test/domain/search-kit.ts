import { appendFileSync } from 'node:fs';
import { sql, type RawBuilder } from 'kysely';
import { join } from 'node:path';
import { demoProduct, DEMO_PRODUCTS_PER_TENANT } from '../../connectors/catalog/seed-demo-data';
import type { PluginRuntime } from '../../src/sdk';
import { CATALOG_PLUGINS, roomyTenants } from './catalog-kit';

/** The catalog suites' tenants, beta's shop in German (alpha keeps the default, en-US). */
export function searchSuite() {
  const dir = roomyTenants();
  appendFileSync(join(dir, 'beta.yaml'), 'locale: de-DE\n');
  return { plugins: CATALOG_PLUGINS, tenantsDir: dir };
}

export type DemoProduct = ReturnType<typeof demoProduct>;

/** The demo seed of one tenant, as the oracle of the search suites. */
export const DEMO = Array.from({ length: DEMO_PRODUCTS_PER_TENANT }, (_, i) => demoProduct(i));

export const visible = (p: DemoProduct) => p.product.status === 'ACTIVE';

/** Whether a demo product is available: with no stock tracked (the seed's), every variant is. */
export const hasType = (type: string) => (p: DemoProduct) => p.product.product_type === type;

/** Counts by key over products, as facet values are reported. */
export function countBy(products: readonly DemoProduct[], keys: (p: DemoProduct) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of products) for (const k of new Set(keys(p))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

interface SourceProduct {
  id: string;
  status: string;
  published_at: Date | string | null;
  vendor: string;
  product_type: string;
  tags: string[];
  min_price: string;
  max_price: string;
}

const money = (v: unknown) => Number(v).toFixed(2);
const time = (v: Date | string | null) => (v == null ? null : new Date(v).getTime());

/**
 * The search rows of a tenant whose facet data differs from what its products, variants and options say,
 * as [expected, found] pairs: computed here from the source rows, not by the SQL that keeps them.
 */
export async function staleSearchRows(runtime: PluginRuntime, tenantId: string): Promise<unknown[]> {
  return runtime.withTenant(tenantId, async (db) => {
    const rows = async <T>(query: RawBuilder<T>) => (await query.execute(db)).rows;
    const products = await rows(sql<SourceProduct>`select id::text, status, published_at, vendor, product_type,
      tags, min_price::text, max_price::text from products`);
    const variants = await rows(sql<{ product_id: string; price: string; inventory_quantity: number | null }>`
      select product_id::text, price::text, inventory_quantity from product_variants`);
    const options = await rows(sql<{ product_id: string; name: string; values: string[] }>`
      select product_id::text, name, values from product_options`);
    // The values its facet numbers name (search_facet_values), read back as `facet:value`.
    const found = await rows(sql<
      SourceProduct & { in_stock: boolean; prices: unknown[]; options: string[]; numbered: string[] }
    >`
      select product_id::text as id, status, published_at, vendor, product_type, tags, min_price::text,
        max_price::text, in_stock, prices, options,
        array(select v.facet || ':' || v.value from search_facet_values v
          where v.tenant_id = s.tenant_id and v.id = any(s.facet_ids)) as numbered
      from product_search s`);
    const byId = new Map(found.map((r) => [r.id, r]));
    const shape = (p: SourceProduct, stock: boolean, prices: unknown[], pairs: unknown[], numbered?: string[]) => {
      const options = [...new Set(pairs.map((pair) => JSON.stringify(pair)))].sort();
      const named = [
        ...(p.vendor ? [`vendor:${p.vendor}`] : []),
        ...(p.product_type ? [`productType:${p.product_type}`] : []),
        ...p.tags.filter(Boolean).map((t) => `tag:${t}`),
        ...options.map((o) => `option:${o}`),
      ];
      return {
        ...p,
        published_at: time(p.published_at),
        tags: [...p.tags].sort(),
        min_price: money(p.min_price),
        max_price: money(p.max_price),
        in_stock: stock,
        prices: [...new Set(prices.map(money))].sort(),
        options,
        facetValues: (numbered ?? [...new Set(named)]).sort(),
      };
    };
    return products.flatMap((p) => {
      const own = variants.filter((v) => v.product_id === p.id);
      const pairs = options.filter((o) => o.product_id === p.id).flatMap((o) => o.values.map((v) => [o.name, v]));
      const expected = shape(
        p,
        own.some((v) => v.inventory_quantity == null || v.inventory_quantity > 0),
        own.map((v) => v.price),
        pairs,
      );
      const row = byId.get(p.id);
      const actual =
        row &&
        shape(
          { ...row, numbered: undefined } as SourceProduct,
          row.in_stock,
          row.prices,
          row.options.map((pair) => JSON.parse(pair) as unknown),
          row.numbered.map((v) => (v.startsWith('option:') ? `option:${JSON.stringify(JSON.parse(v.slice(7)))}` : v)),
        );
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [[expected, actual ?? null]];
    });
  });
}
