import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { plugin as shopifyPlugin } from '../../resolvers/shopify/plugin';
import { webhookRoutes } from '../../resolvers/shopify/webhook-route';
import { upsertLocations } from '../../connectors/shopify/upsert-inventory';
import type { ShopifyDb } from '../../connectors/shopify/tables';
import { enqueueWebhook } from '../../connectors/shopify/webhook-queue';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';
import { FakeClock } from '../fake-shopify/clock';
import { TEST_SHOP } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import { pluginPath } from '../kit/gateway';
import { deliver, SHOPIFY_PLUGINS, shopifyTenants, tenantChecksum, tenantOf } from './kit';

/**
 * Signed deliveries that must not change data: the HMAC covers the body only, so a captured body can
 * be sent again with any shop, topic, event id and trigger time. Beta's shop uses the same app (and
 * secret) as alpha's, as tenants of one public app do. The route's clock is injected.
 */
const OTHER_SHOP = 'other.myshopify.com';
const clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
const T0 = clock.now();
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const now = () => new Date(clock.now()).toISOString();

function tenantsDir(): string {
  const dir = shopifyTenants();
  appendFileSync(
    join(dir, 'beta.yaml'),
    `settings:\n  shopify:\n    shop: ${OTHER_SHOP}\n    accessTokenEnv: TEST_SHOPIFY_TOKEN\n    apiSecretEnv: TEST_SHOPIFY_SECRET\n    webhookMaxAgeSeconds: 600\n`,
  );
  return dir;
}

/** The real plugin, its webhook route on the test's clock. */
const plugins = [
  ...SHOPIFY_PLUGINS.filter((p) => p !== 'shopify'),
  {
    source: pluginPath('shopify'),
    plugin: {
      ...shopifyPlugin,
      routes: (...[router, runtime]: Parameters<typeof webhookRoutes>) => webhookRoutes(router, runtime, clock),
    },
  },
];

const product = (id: number, title: string, updatedAt: string, price = '10.00') => ({
  id,
  admin_graphql_api_id: `gid://shopify/Product/${id}`,
  title,
  handle: `product-${id}`,
  body_html: '',
  vendor: 'Acme',
  product_type: 'Shirt',
  tags: '',
  status: 'active',
  created_at: at(-600),
  updated_at: updatedAt,
  variants: [{ id: id * 100 + 1, title: 'One', sku: `SKU-${id}`, price, position: 1, inventory_item_id: id * 100 + 1 }],
});
const customer = (id: number, email: string, firstName: string, updatedAt: string) => ({
  id,
  admin_graphql_api_id: `gid://shopify/Customer/${id}`,
  email,
  first_name: firstName,
  last_name: 'Lovelace',
  phone: null,
  orders_count: 1,
  total_spent: '20.00',
  created_at: at(-600),
  updated_at: updatedAt,
});
const order = (id: number, financialStatus: string, updatedAt: string) => ({
  id,
  admin_graphql_api_id: `gid://shopify/Order/${id}`,
  name: `#${1000 + id}`,
  email: 'order@example.com',
  currency: 'EUR',
  financial_status: financialStatus,
  fulfillment_status: null,
  subtotal_price: '20.00',
  total_price: '20.00',
  created_at: at(-600),
  updated_at: updatedAt,
  customer: { id: 1 },
  line_items: [
    { id: id * 10, title: 'Shirt', sku: 'SKU-1', quantity: 2, price: '10.00', product_id: 1, variant_id: 101 },
  ],
});
const stock = (available: number, updatedAt: string) => ({
  inventory_item_id: 101,
  location_id: 1,
  available,
  updated_at: updatedAt,
});
const privacy = {
  dataRequest: {
    shop_id: 1,
    shop_domain: TEST_SHOP,
    customer: { id: 1, email: 'ada@example.com' },
    orders_requested: [1],
    data_request: { id: 9 },
  },
  customerRedact: {
    shop_id: 1,
    shop_domain: TEST_SHOP,
    customer: { id: 1, email: 'ada@example.com' },
    orders_to_redact: [1],
  },
  shopRedact: { shop_id: 1, shop_domain: TEST_SHOP },
  uninstalled: { id: 1, domain: 'acme.example', myshopify_domain: TEST_SHOP },
};

describeEachDatabase('shopify webhook guards', { plugins, tenantsDir: tenantsDir() }, (get) => {
  const runtime = () => get().gateway.runtime;
  let events = 0;
  /** Delivers with a fresh event id, triggered now on the route's clock unless told otherwise. */
  const send = (topic: string, body: unknown, options: { shop?: string; triggeredAt?: string | null } = {}) =>
    deliver(get().url, topic, body, { eventId: `g-${++events}`, triggeredAt: now(), ...options });
  const apply = (tenant: string) => processWebhooks(runtime(), tenantOf(runtime(), tenant));
  const one = <T>(tenant: string, query: string) =>
    runtime().withTenant(tenant, async (trx) => (await sql.raw<T>(query).execute(trx)).rows[0]);
  const rowCount = (tenant: string, table: string) =>
    one<{ n: number }>(tenant, `select count(*)::int as n from ${table}`).then((r) => r.n);
  const refusals = async (tenant: string, reason: string) => {
    const text = await (await fetch(`${get().adminUrl}/metrics`)).text();
    const line = new RegExp(`gateway_shopify_webhook_refusals_total\\{tenant="${tenant}",reason="${reason}"\\} (\\d+)`);
    return Number(line.exec(text)?.[1] ?? 0);
  };

  beforeAll(async () => {
    clock.advance(T0 - clock.now()); // Each database's suite starts at T0.
    await runtime().withTenant<ShopifyDb, number>('alpha', (trx) =>
      upsertLocations(trx, 'alpha', [{ externalId: 'gid://shopify/Location/1', name: 'Main', createdAt: at(-600) }]),
    );
    const setup = [
      await send('products/create', product(1, 'Shirt', at(-30))),
      await send('customers/create', customer(1, 'ada@example.com', 'Ada', at(-30))),
      await send('orders/create', order(1, 'pending', at(-30))),
      await send('inventory_levels/update', stock(10, at(-30))),
      await send('products/create', product(9, 'Beta shirt', at(-30)), { shop: OTHER_SHOP }),
      await send('customers/create', customer(9, 'bea@example.com', 'Bea', at(-30)), { shop: OTHER_SHOP }),
    ];
    expect(setup.map((r) => r.body)).toEqual(setup.map(() => ({ status: 'queued' })));
    expect([await apply('alpha'), await apply('beta')]).toEqual([4, 2]);
  });

  it('refuses a privacy delivery replayed under another shop of the same app, and counts it', async () => {
    const before = {
      beta: await tenantChecksum(runtime(), 'beta'),
      requests: await rowCount('beta', 'shopify_data_requests'),
    };
    const replays = [
      await send('shop/redact', privacy.shopRedact, { shop: OTHER_SHOP }),
      await send('customers/data_request', privacy.dataRequest, { shop: OTHER_SHOP }),
      await send('customers/redact', privacy.customerRedact, { shop: OTHER_SHOP }),
      await send('app/uninstalled', privacy.uninstalled, { shop: OTHER_SHOP }),
    ];
    expect(replays).toEqual(replays.map(() => ({ status: 200, body: { status: 'refused', reason: 'shop_mismatch' } })));
    expect(await apply('beta')).toBe(0);
    expect(await tenantChecksum(runtime(), 'beta')).toBe(before.beta);
    expect(await rowCount('beta', 'shopify_data_requests')).toBe(before.requests);
    expect(await refusals('beta', 'shop_mismatch')).toBe(4);
  });

  it('refuses a body relabelled with another topic', async () => {
    const before = {
      alpha: await tenantChecksum(runtime(), 'alpha'),
      requests: await rowCount('alpha', 'shopify_data_requests'),
    };
    const current = product(1, 'Shirt', at(-30));
    const relabelled = [
      await send('products/delete', current),
      await send('shop/redact', privacy.customerRedact),
      await send('customers/redact', privacy.dataRequest),
      await send('customers/data_request', privacy.customerRedact),
      await send('orders/updated', current),
      await send('customers/update', order(1, 'paid', at(-20))),
      await send('products/update', customer(1, 'ada@example.com', 'Ada', at(-20))),
      await send('inventory_levels/update', { ...current, inventory_item_id: 101, location_id: 1, available: 0 }),
    ];
    expect(relabelled).toEqual(
      relabelled.map(() => ({ status: 200, body: { status: 'refused', reason: 'topic_mismatch' } })),
    );
    expect(await apply('alpha')).toBe(0);
    expect(await tenantChecksum(runtime(), 'alpha')).toBe(before.alpha);
    expect(await rowCount('alpha', 'shopify_data_requests')).toBe(before.requests);
    expect(await refusals('alpha', 'topic_mismatch')).toBe(relabelled.length);
  });

  it('drops a relabelled event already in the queue (queued before the route checked bodies)', async () => {
    const before = await tenantChecksum(runtime(), 'alpha');
    await runtime().withTenant<ShopifyDb, boolean>('alpha', (trx) =>
      enqueueWebhook(
        trx,
        'alpha',
        {
          topic: 'shop/redact',
          shopDomain: TEST_SHOP,
          eventId: 'queued-early',
          webhookId: undefined,
          apiVersion: undefined,
          triggeredAt: now(),
        },
        privacy.customerRedact,
      ),
    );
    expect(await apply('alpha')).toBe(1);
    expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
  });

  it('refuses a delivery triggered outside the window, or without a readable trigger time', async () => {
    const before = await tenantChecksum(runtime(), 'alpha');
    const newer = product(1, 'Replayed', at(-10));
    const answers = [
      await send('products/update', newer, { triggeredAt: at(-61) }),
      await send('products/update', newer, { triggeredAt: at(61) }),
      await send('products/update', newer, { triggeredAt: null }),
      await send('products/update', newer, { triggeredAt: 'yesterday' }),
      await send('products/update', newer, { triggeredAt: '1' }),
    ];
    expect(answers.map((a) => a.body)).toEqual([
      { status: 'refused', reason: 'stale' },
      { status: 'refused', reason: 'stale' },
      { status: 'refused', reason: 'undated' },
      { status: 'refused', reason: 'undated' },
      { status: 'refused', reason: 'undated' },
    ]);
    // Beta's window is 10 minutes: what alpha would still take is stale for beta.
    const beta = await send('products/update', product(9, 'Replayed', at(-10)), {
      shop: OTHER_SHOP,
      triggeredAt: at(-11),
    });
    expect(beta.body).toEqual({ status: 'refused', reason: 'stale' });
    expect([await apply('alpha'), await apply('beta')]).toEqual([0, 0]);
    expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
    expect(await one('alpha', `select title from products where external_id = 'gid://shopify/Product/1'`)).toEqual({
      title: 'Shirt',
    });
  });

  it('does not let an older update overwrite a newer one, delete what changed after the delete, or undo a delete', async () => {
    await send('products/update', product(1, 'Shirt v2', at(-5), '12.00'));
    await send('orders/updated', order(1, 'paid', at(-5)));
    await send('inventory_levels/update', stock(7, at(-5)));
    await send('customers/update', customer(1, 'ada@example.com', 'Ada v2', at(-5)));
    expect(await apply('alpha')).toBe(4);
    const newest = await tenantChecksum(runtime(), 'alpha');

    const older = [
      await send('products/update', product(1, 'Shirt v1', at(-15), '11.00')),
      await send('orders/updated', order(1, 'pending', at(-15))),
      await send('inventory_levels/update', stock(3, at(-15))),
      await send('customers/update', customer(1, 'ada@example.com', 'Ada v1', at(-15))),
      // Triggered before the product's last update: the delete is older than the row.
      await send('products/delete', { id: 1 }, { triggeredAt: at(-10) }),
    ];
    expect(older.map((r) => r.body)).toEqual(older.map(() => ({ status: 'queued' })));
    expect(await apply('alpha')).toBe(5);
    expect(
      await one(
        'alpha',
        `select p.title, p.min_price, o.financial_status, l.available, c.first_name
         from products p, orders o, inventory_levels l, customers c
         where p.external_id = 'gid://shopify/Product/1' and o.external_id = 'gid://shopify/Order/1'
           and c.external_id = 'gid://shopify/Customer/1'`,
      ),
    ).toEqual({ title: 'Shirt v2', min_price: '12.00', financial_status: 'PAID', available: 7, first_name: 'Ada v2' });
    expect(await tenantChecksum(runtime(), 'alpha')).toBe(newest);

    // A delete triggered after the last update applies.
    expect((await send('products/delete', { id: 1 })).body).toEqual({ status: 'queued' });
    expect(await apply('alpha')).toBe(1);
    expect(await one('alpha', `select id from products where external_id = 'gid://shopify/Product/1'`)).toBeUndefined();

    // An update from before the delete, delivered after it, does not bring the product back.
    const deleted = await tenantChecksum(runtime(), 'alpha');
    expect((await send('products/update', product(1, 'Shirt v3', at(-1)))).body).toEqual({ status: 'queued' });
    expect(await apply('alpha')).toBe(1);
    expect(await one('alpha', `select id from products where external_id = 'gid://shopify/Product/1'`)).toBeUndefined();
    expect(await tenantChecksum(runtime(), 'alpha')).toBe(deleted);
  });

  it('keeps a redacted customer redacted when an update from before the redaction arrives', async () => {
    expect((await send('customers/redact', privacy.customerRedact)).body).toEqual({ status: 'queued' });
    expect(await apply('alpha')).toBe(1);
    const redacted = await tenantChecksum(runtime(), 'alpha');
    await send('customers/update', customer(1, 'ada@example.com', 'Ada v3', at(-2)));
    expect(await apply('alpha')).toBe(1);
    expect(await tenantChecksum(runtime(), 'alpha')).toBe(redacted);
  });

  it('measures the window on the injected clock', async () => {
    const triggered = now();
    const fresh = await send('products/update', product(1, 'Shirt', at(-30)), { triggeredAt: triggered });
    expect(fresh.body).toEqual({ status: 'queued' });
    expect(await apply('alpha')).toBe(1);
    clock.advance(61 * 60_000);
    const late = await send('products/update', product(1, 'Shirt', at(-30)), { triggeredAt: triggered });
    expect(late.body).toEqual({ status: 'refused', reason: 'stale' });
  });
});
