import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';
import { emptyStore, hour, seedStore } from '../fake-shopify';
import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import { deliver, SHOPIFY_PLUGINS, shopifyTenants, syncDeps, tenantOf } from './kit';

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

/** The connected tenant (alpha) sells in Kuwaiti dinars: three decimals, as Shopify sends them. */
function kuwaitiShop(): string {
  const dir = shopifyTenants();
  const file = join(dir, 'alpha.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^currency: .*$/m, 'currency: KWD'));
  return dir;
}

describeEachDatabase(
  'shopify import of three-decimal prices',
  { plugins: SHOPIFY_PLUGINS, tenantsDir: kuwaitiShop() },
  (get) => {
    const runtime = () => get().gateway.runtime;
    const rows = <T>(query: ReturnType<typeof sql<T>>) =>
      runtime().withTenant('alpha', async (trx) => (await query.execute(trx)).rows);

    beforeAll(() => {
      Object.assign(h.fake.store, emptyStore());
      seedStore(h.fake.store, { products: 1, variantsPerProduct: 2, orders: 0 });
      const [first, second] = h.fake.store.products[0].variants;
      Object.assign(first, { price: '1.235', compareAtPrice: '2.500' });
      Object.assign(second, { price: '0.005' });
    });

    it('stores the prices Shopify sends exactly, and shows them in fils', async () => {
      await requestSync(runtime(), tenantOf(runtime(), 'alpha'), 'full', 'test');
      expect(await runNextSync(runtime(), tenantOf(runtime(), 'alpha'), syncDeps(h))).toMatchObject({ ok: true });
      expect(
        await rows(sql<{ price: string; compare_at_price: string | null }>`
        select price::text, compare_at_price::text from product_variants order by position`),
      ).toEqual([
        { price: '1.235', compare_at_price: '2.500' },
        { price: '0.005', compare_at_price: null },
      ]);
      expect(await rows(sql`select min_price::text, max_price::text from products`)).toEqual([
        { min_price: '0.005', max_price: '1.235' },
      ]);
      const res = await get().graphql<{ products: { nodes: unknown[] } }>(
        `{ products(first: 1) { nodes { priceRange { minVariantPrice { amount currencyCode } }
        variants(first: 2) { nodes { price { amount } compareAtPrice { amount } } } } } }`,
        {},
        get().storefront('alpha'),
      );
      expect(res.body.data!.products.nodes).toEqual([
        {
          priceRange: { minVariantPrice: { amount: '0.005', currencyCode: 'KWD' } },
          variants: {
            nodes: [
              { price: { amount: '1.235' }, compareAtPrice: { amount: '2.500' } },
              { price: { amount: '0.005' }, compareAtPrice: null },
            ],
          },
        },
      ]);
    });

    it('totals webhook order lines and amounts spent exactly when Shopify gives no line total', async () => {
      await deliver(
        get().url,
        'customers/create',
        {
          id: 88,
          admin_graphql_api_id: 'gid://shopify/Customer/88',
          email: 'fils@example.com',
          total_spent: '3.705',
          created_at: hour(800),
          updated_at: hour(800),
        },
        { eventId: 'e-fils-customer' },
      );
      await deliver(
        get().url,
        'orders/create',
        {
          id: 66,
          admin_graphql_api_id: 'gid://shopify/Order/66',
          name: '#1066',
          email: 'fils@example.com',
          currency: 'KWD',
          financial_status: 'paid',
          total_price: '3.715',
          created_at: hour(801),
          updated_at: hour(801),
          customer: { id: 88 },
          line_items: [
            { id: 661, title: 'Product 1', quantity: 3, price: '1.235', product_id: 1, variant_id: 101 },
            { id: 662, title: 'Product 1', quantity: 2, price: '0.005', product_id: 1, variant_id: 102 },
          ],
        },
        { eventId: 'e-fils-order' },
      );
      expect(await processWebhooks(runtime(), tenantOf(runtime(), 'alpha'))).toBe(2);
      // 3 × 1.235 = 3.705 and 2 × 0.005 = 0.010 (a float gives 3.7049999999999996 and 0.01).
      expect(
        await rows(sql`select l.total::text from order_line_items l join orders o on o.id = l.order_id
        where o.external_id = 'gid://shopify/Order/66' order by l.total desc`),
      ).toEqual([{ total: '3.705' }, { total: '0.010' }]);
      expect(
        await rows(sql`select subtotal::text, total::text from orders where external_id = 'gid://shopify/Order/66'`),
      ).toEqual([{ subtotal: '3.715', total: '3.715' }]);
      expect(await rows(sql`select amount_spent::text from customers where email = 'fils@example.com'`)).toEqual([
        { amount_spent: '3.705' },
      ]);
    });
  },
);
