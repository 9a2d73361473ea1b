import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoProduct, DEMO_PRODUCTS_PER_TENANT } from '../../connectors/catalog/seed-demo-data';
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
