import { sql } from 'kysely';
import { seedPlugins } from '../../src/engine/seed';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { catalogSuite } from './catalog-kit';

interface Counts {
  products: number;
  variants: number;
  levels: number;
  untracked: number;
  blocks: number;
}

/** Row counts of the tenant, and how many runs of consecutive product ids it owns (interleaving). */
async function counts(t: TestGateway, tenant: string): Promise<Counts> {
  const { rows } = await t.gateway.runtime.withTenant(tenant, (db) =>
    sql<Record<keyof Counts, string>>`select
      (select count(*) from products) as products,
      (select count(*) from product_variants) as variants,
      (select count(*) from inventory_levels) as levels,
      (select count(*) from product_variants where inventory_quantity is null) as untracked,
      (select count(*) from (select id - lag(id) over (order by id) as gap from products) g where gap is null or gap > 1) as blocks`.execute(
      db,
    ),
  );
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])) as unknown as Counts;
}

describeEachDatabase('catalog and inventory seeds', catalogSuite(), (get) => {
  it('bench: 10,000 products x 3 variants per tenant with stock at 2 locations, ids interleaved', async () => {
    const t = get();
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'bench');
    for (const tenant of ['alpha', 'beta']) {
      const c = await counts(t, tenant);
      expect(c).toMatchObject({ products: 10_000, variants: 30_000, levels: 60_000, untracked: 0 });
      // Batches alternate between tenants, so each tenant's ids come in many separate runs.
      expect(c.blocks).toBeGreaterThanOrEqual(10);
    }
  });
});
