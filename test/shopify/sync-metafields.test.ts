import { sql } from 'kysely';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { emptyStore, hour, seedStore } from '../fake-shopify';
import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import { SHOPIFY_PLUGINS, shopifyTenants, syncDeps, tenantOf } from './kit';

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

const PLUGINS = [...SHOPIFY_PLUGINS, 'metafields'];
const field = (id: number, namespace: string, key: string, type: string, value: string) => ({
  id: `gid://shopify/Metafield/${id}`,
  namespace,
  key,
  type,
  value,
  updatedAt: hour(1),
});

describeEachDatabase(
  'shopify sync of metafields',
  { plugins: PLUGINS, tenantsDir: shopifyTenants([], PLUGINS) },
  (get) => {
    beforeAll(() => {
      Object.assign(h.fake.store, emptyStore());
      seedStore(h.fake.store, { products: 2, variantsPerProduct: 2 });
      const [product] = h.fake.store.products;
      product.metafields = [
        field(1, 'custom', 'care', 'multi_line_text_field', 'Wash cold.\nDry flat.'),
        field(2, 'custom', 'price_floor', 'money', '{"amount":"5.00","currency_code":"EUR"}'),
        // Not imported: a type the gateway has no counterpart for, and an app's reserved namespace.
        field(3, 'custom', 'rating', 'rating', '{"value":"4.5","scale_min":"1.0","scale_max":"5.0"}'),
        field(4, '$app:reviews', 'count', 'number_integer', '12'),
      ];
      product.variants[1].metafields = [field(5, 'custom', 'weight_grams', 'number_integer', '340')];
    });

    it('imports product and variant metafields with the products, readable through the owners', async () => {
      const t = get();
      const started = await t.graphql(
        'mutation { shopifySyncStart(full: true) { run { status } userErrors { code } } }',
        {},
        await t.admin('alpha'),
      );
      expect(started.body.data).toEqual({ shopifySyncStart: { run: { status: 'QUEUED' }, userErrors: [] } });
      const outcome = await runNextSync(t.gateway.runtime, tenantOf(t.gateway.runtime, 'alpha'), syncDeps(h));
      expect(outcome).toMatchObject({ ok: true, errors: [] });
      expect(outcome!.counts).toMatchObject({ products: 2, variants: 4, metafields: 3 });
      const res = await t.graphql<{ products: { nodes: unknown[] } }>(
        `{ products(first: 5, sortKey: TITLE) { nodes { title
          care: metafield(key: "care") { type value }
          floor: metafield(key: "price_floor") { type value }
          rating: metafield(key: "rating") { value }
          variants(first: 5) { nodes { metafield(key: "weight_grams") { type value } } } } } }`,
        {},
        await t.admin('alpha'),
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.products.nodes).toEqual([
        {
          title: 'Product 1',
          care: { type: 'multi_line_text_field', value: 'Wash cold.\nDry flat.' },
          floor: { type: 'money', value: '{"amount":"5.00","currency_code":"EUR"}' },
          rating: null,
          variants: { nodes: [{ metafield: null }, { metafield: { type: 'number_integer', value: '340' } }] },
        },
        {
          title: 'Product 2',
          care: null,
          floor: null,
          rating: null,
          variants: { nodes: [{ metafield: null }, { metafield: null }] },
        },
      ]);
    });

    it('updates imported values on the next full import instead of duplicating them', async () => {
      const t = get();
      h.fake.store.products[0].metafields![0].value = 'Hand wash only.';
      await t.graphql('mutation { shopifySyncStart(full: true) { userErrors { code } } }', {}, await t.admin('alpha'));
      const outcome = await runNextSync(t.gateway.runtime, tenantOf(t.gateway.runtime, 'alpha'), syncDeps(h));
      expect(outcome).toMatchObject({ ok: true });
      const rows = await t.gateway.runtime.withTenant('alpha', async (db) => {
        const query = sql<{ key: string; value: string }>`select key, value from metafields order by key`;
        return (await query.execute(db)).rows;
      });
      expect(rows).toEqual([
        { key: 'care', value: 'Hand wash only.' },
        { key: 'price_floor', value: '{"amount":"5.00","currency_code":"EUR"}' },
        { key: 'weight_grams', value: '340' },
      ]);
    });

    it('brings the metafields of products and variants changed in Shopify with an incremental sync', async () => {
      const t = get();
      const [product] = h.fake.store.products;
      product.metafields![0].value = 'Dry clean only.';
      product.updatedAt = hour(500);
      const variant = product.variants[1];
      variant.metafields = [field(6, 'custom', 'weight_grams', 'number_integer', '355')];
      variant.updatedAt = hour(500);
      await requestSync(t.gateway.runtime, tenantOf(t.gateway.runtime, 'alpha'), 'incremental', 'test');
      const outcome = await runNextSync(t.gateway.runtime, tenantOf(t.gateway.runtime, 'alpha'), syncDeps(h));
      expect(outcome).toMatchObject({ ok: true, mode: 'incremental' });
      // Product 1's three importable values, then its second variant's one.
      expect(outcome!.counts).toMatchObject({ products: 1, variants: 1, metafields: 3 });
      const rows = await t.gateway.runtime.withTenant('alpha', async (db) => {
        const query = sql<{ key: string; value: string }>`select key, value from metafields order by key`;
        return (await query.execute(db)).rows;
      });
      expect(rows).toEqual([
        { key: 'care', value: 'Dry clean only.' },
        { key: 'price_floor', value: '{"amount":"5.00","currency_code":"EUR"}' },
        { key: 'weight_grams', value: '355' },
      ]);
    });
  },
);
