import { sql } from 'kysely';
import { runNextSync } from '../../connectors/shopify/sync-runner';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';
import { emptyStore, hour, seedStore } from '../fake-shopify';
import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { staleSearchRows } from '../domain/search-kit';
import { describeEachDatabase } from '../kit/each-database';
import { deliver, SHOPIFY_PLUGINS, shopifyTenants, syncDeps, tenantOf } from './kit';

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

const START = `mutation { shopifySyncStart(full: true) { run { status } userErrors { code } } }`;

describeEachDatabase(
  'shopify sync and search facet data',
  { plugins: SHOPIFY_PLUGINS, tenantsDir: shopifyTenants() },
  (get) => {
    const runtime = () => get().gateway.runtime;
    beforeAll(() => {
      Object.assign(h.fake.store, emptyStore());
      seedStore(h.fake.store);
    });

    const searchRow = async (externalId: string) =>
      runtime().withTenant('alpha', async (trx) => {
        const { rows } = await sql<{ prices: string; options: string[]; in_stock: boolean }>`
        select s.prices::text, s.options, s.in_stock from product_search s
        join products p on p.tenant_id = s.tenant_id and p.id = s.product_id
        where p.external_id = ${externalId}`.execute(trx);
        return rows[0];
      });

    it('imports products with their facet data on the search rows, and a webhook update moves it', async () => {
      const started = await get().graphql(START, {}, await get().admin('alpha'));
      expect(started.body.data).toMatchObject({ shopifySyncStart: { userErrors: [] } });
      expect(await runNextSync(runtime(), tenantOf(runtime(), 'alpha'), syncDeps(h))).toMatchObject({ ok: true });
      expect(await staleSearchRows(runtime(), 'alpha')).toEqual([]);
      // The sync writes no product options (variants carry their values): the option facet has none to list.
      expect(await searchRow('gid://shopify/Product/1')).toEqual({
        prices: '{10.00,11.00}',
        options: [],
        in_stock: true,
      });

      const update = {
        id: 1,
        admin_graphql_api_id: 'gid://shopify/Product/1',
        title: 'Product 1',
        handle: 'product-1',
        body_html: '<p>Product 1</p>',
        vendor: 'Acme',
        product_type: 'Shirt',
        tags: 'seed',
        status: 'active',
        created_at: hour(0),
        updated_at: hour(700),
        variants: [
          {
            id: 101,
            title: 'Size 1',
            sku: 'SKU-101',
            price: '12.50',
            position: 1,
            option1: '1',
            inventory_item_id: 101,
          },
          {
            id: 102,
            title: 'Size 2',
            sku: 'SKU-102',
            price: '13.50',
            position: 2,
            option1: '2',
            inventory_item_id: 102,
          },
        ],
      };
      expect(await deliver(get().url, 'products/update', update, { eventId: 'facets-1' })).toMatchObject({
        status: 200,
      });
      expect(await processWebhooks(runtime(), tenantOf(runtime(), 'alpha'))).toBe(1);
      expect(await searchRow('gid://shopify/Product/1')).toMatchObject({ prices: '{12.50,13.50}' });
      expect(await staleSearchRows(runtime(), 'alpha')).toEqual([]);
    });
  },
);
