import { encodeGlobalId } from '../../src/sdk';
import { CHECKOUT_MASKED } from '../../bench/checkout-steps';
import { difference } from '../../bench/compare';
import { probe } from '../../bench/load';
import { scenarios, type BenchIds, type Scenario } from '../../bench/scenarios';
import { startServer, type ServerUnderTest } from '../../bench/servers';
import { baselineTarget, gatewayTarget, type Credentials } from '../../bench/targets';
import { databaseMissing, withClient } from '../kit/databases';
import { startTestGateway, TEST_SECRETS, type TestGateway } from '../kit/gateway';
import { describeUnless } from '../kit/skip';
import { allPluginsUnlimited, seedEach } from './all-plugins';

/**
 * The benchmark's pages (a, b, c, h, i, e) as bench/run.ts checks them before timing, over the demo data of
 * a US tenant: the gateway and the hand-written baseline server (bench/baseline, a real process on the
 * same Postgres) give the same answers, the checkout's five included (its new ids masked). The baseline
 * speaks to Postgres through pg, so this runs on Postgres only. (j) sends (a)'s query.
 */
const { plugins, tenantsDir } = allPluginsUnlimited();
const TENANT = 'alpha';

describeUnless(databaseMissing('postgres'))('bench pages against the baseline [postgres]', () => {
  let t: TestGateway;
  let baseline: ServerUnderTest;
  let ids: BenchIds;
  let credentials: Credentials;
  let list: Scenario[];

  beforeAll(async () => {
    t = await startTestGateway({ kind: 'postgres', plugins, tenantsDir, guardPartialRows: false });
    expect(await seedEach(t.gateway.runtime, t.gateway.composition.plugins)).toEqual([]);
    const url = t.database.url!;
    // Three variants of three products in stock, and the first stock level (what benchIds picks on the bench seed).
    const picked = await withClient(url, async (client) => {
      const bought = await client.query<{ id: string }>(
        `select distinct on (v.product_id) v.id from product_variants v
           join products p on p.id = v.product_id and p.status = 'ACTIVE' and p.published_at <= now()
          where v.tenant_id = $1 and v.inventory_quantity >= 5 order by v.product_id, v.id limit 3`,
        [TENANT],
      );
      const level = await client.query<{ variant_id: string; location_id: string }>(
        `select variant_id, location_id from inventory_levels where tenant_id = $1 order by 1, 2 limit 1`,
        [TENANT],
      );
      const word = await client.query<{ word: string }>(
        `select w as word from products, regexp_split_to_table(lower(title), '\\s+') w
          where tenant_id = $1 and length(w) >= 4 group by w order by count(*) desc, w limit 1`,
        [TENANT],
      );
      const product = await client.query<{ handle: string }>(
        `select handle from products where tenant_id = $1 and status = 'ACTIVE' and published_at <= now()
          order by id limit 1`,
        [TENANT],
      );
      // Whole prices stored unscaled, as the bench seed writes them ("57", answered "57.00").
      await client.query(
        `update product_variants set price = trunc(price) where tenant_id = $1 and product_id =
        (select id from products where handle = $2 and tenant_id = $1)`,
        [TENANT, product.rows[0].handle],
      );
      await client.query(
        `update products set min_price = trunc(min_price), max_price = trunc(max_price)
        where tenant_id = $1 and handle = $2`,
        [TENANT, product.rows[0].handle],
      );
      // And the checkout's variants' prices and an order's amounts, as the bench seed writes those too.
      await client.query(`update product_variants set price = trunc(price) where tenant_id = $1 and id = any($2)`, [
        TENANT,
        bought.rows.map((r) => r.id),
      ]);
      const order = `(select id from orders where tenant_id = $1 order by id limit 1)`;
      await client.query(`update orders set total = trunc(total) where tenant_id = $1 and id = ${order}`, [TENANT]);
      await client.query(
        `update order_line_items set unit_price = trunc(unit_price) where tenant_id = $1 and order_id = ${order}`,
        [TENANT],
      );
      return {
        bought: bought.rows.map((r) => r.id),
        level: level.rows[0],
        word: word.rows[0].word,
        handle: product.rows[0].handle,
      };
    });
    expect(picked.bought).toHaveLength(3);
    ids = {
      variantId: encodeGlobalId('ProductVariant', picked.level.variant_id),
      locationId: encodeGlobalId('Location', picked.level.location_id),
      checkoutVariantIds: picked.bought.map((id) => encodeGlobalId('ProductVariant', id)),
    };
    credentials = { storefront: t.storefront(TENANT), admin: await t.admin(TENANT) };
    const variables: Partial<Record<Scenario['name'], Scenario['variables']>> = {
      search: { query: picked.word },
      predictive: { query: picked.word.slice(0, 3) },
      product: { handle: picked.handle },
    };
    list = scenarios(ids).map((s) => ({ ...s, variables: variables[s.name] ?? s.variables }));
    baseline = await startServer('baseline', 'bench/baseline/server.ts', {
      DATABASE_URL: url,
      BENCH_TENANT: TENANT,
      BENCH_CURRENCY: 'USD',
      BENCH_STOREFRONT_TOKEN: TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN,
    });
  }, 180_000);

  afterAll(async () => {
    await baseline?.stop();
    await t?.close();
  });

  const port = () => Number(new URL(t.url).port);
  const both = async (name: Scenario['name']) => {
    const scenario = list.find((s) => s.name === name)!;
    const gateway = await probe(gatewayTarget(port(), scenario, credentials, ids));
    const reference = await probe(baselineTarget(baseline.port, scenario, credentials, ids));
    return { gateway, reference };
  };

  it('answers { __typename } as the baseline does, and the baseline refuses a wrong token as the gateway does', async () => {
    const { gateway, reference } = await both('typename');
    expect([gateway.status, reference.status]).toEqual([200, 200]);
    expect(difference(gateway.body, reference.body)).toBeNull();
    const typename = list.find((s) => s.name === 'typename')!;
    const wrong = { ...credentials, storefront: { 'x-storefront-token': 'not-the-token-0123456789' } };
    expect((await probe(baselineTarget(baseline.port, typename, wrong))).status).toBe(401);
    expect((await probe(gatewayTarget(port(), typename, wrong))).status).toBe(401);
  });

  it('answers the listing, the product page and the orders page as the baseline does, prices in the currency digits', async () => {
    for (const name of ['storefront', 'product', 'orders'] as const) {
      const { gateway, reference } = await both(name);
      expect([name, gateway.status, reference.status]).toEqual([name, 200, 200]);
      expect(JSON.stringify(gateway.body)).toMatch(/"amount":"\d+\.\d\d"/);
      expect([name, difference(gateway.body, reference.body)]).toEqual([name, null]);
    }
  });

  it('answers the search page with facets as the baseline does', async () => {
    const { gateway, reference } = await both('search');
    expect(gateway.status).toBe(200);
    const body = gateway.body as { data: { search: { totalCount: number; productFilters: unknown[] } } };
    expect(body.data.search.totalCount).toBeGreaterThan(0);
    expect(body.data.search.productFilters.length).toBeGreaterThan(0);
    expect(difference(gateway.body, reference.body)).toBeNull();
  });

  it('answers predictive search for three letters as the baseline does', async () => {
    const { gateway, reference } = await both('predictive');
    expect(gateway.status).toBe(200);
    const body = gateway.body as { data: { predictiveSearch: Record<string, unknown[]> } };
    expect(body.data.predictiveSearch.products.length).toBeGreaterThan(0);
    expect(body.data.predictiveSearch.queries.length).toBeGreaterThan(0);
    expect(difference(gateway.body, reference.body)).toBeNull();
  });

  it('prices and completes the checkout as the baseline does, and both write an order with its rows', async () => {
    const { gateway, reference } = await both('checkout');
    expect([gateway.status, reference.status]).toEqual([200, 200]);
    const steps = gateway.body as { data: Record<string, { cart?: unknown; order?: { id: string } }> }[];
    expect(steps).toHaveLength(5);
    expect(JSON.stringify(steps[3])).toContain('"applicable":true');
    expect(difference(gateway.body, reference.body, CHECKOUT_MASKED)).toBeNull();
    // Masked values still differ where they must: two carts, two orders.
    const orderOf = (body: unknown) => (body as typeof steps)[4].data.checkoutComplete.order!.id;
    expect(orderOf(gateway.body)).not.toEqual(orderOf(reference.body));
    const written = await withClient(t.database.url, async (client) => {
      const { rows } = await client.query<{
        order_id: string;
        lines: number;
        allocations: number;
        usages: number;
        pricing: number;
        cart: string;
      }>(
        `select o.id as order_id,
           (select count(*)::int from order_line_items i where i.order_id = o.id) as lines,
           (select count(*)::int from order_allocations a where a.order_id = o.id) as allocations,
           (select count(*)::int from discount_usages u where u.order_id = o.id) as usages,
           (select count(*)::int from order_pricing p where p.order_id = o.id) as pricing,
           (select status from carts c where c.id = o.cart_id) as cart
         from orders o where o.tenant_id = $1 and o.cart_id is not null order by o.id`,
        [TENANT],
      );
      return rows;
    });
    expect(written.map(({ order_id: _, ...rest }) => rest)).toEqual([
      { lines: 3, allocations: 3, usages: 1, pricing: 1, cart: 'COMPLETED' },
      { lines: 3, allocations: 3, usages: 1, pricing: 1, cart: 'COMPLETED' },
    ]);
  });
});
