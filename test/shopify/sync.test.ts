import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { runNextSync, requestSync } from '../../connectors/shopify/sync-runner';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';
import { emptyStore, hour, seedStore } from '../fake-shopify';
import { startShopifyHarness, TEST_SECRET, type ShopifyHarness } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import {
  cutDownloads,
  deliver,
  SHOPIFY_PLUGINS,
  shopifyRows,
  shopifyTenants,
  syncDeps,
  tenantChecksum,
  tenantOf,
} from './kit';

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

const CONNECTION = `{ shopifyConnection { shop apiVersion status lastSyncAt
  lastRun { status mode counts { resource count } errors }
  counts { resource count } errors throttle { throttledWaits circuit } } }`;
const START = `mutation($full: Boolean) { shopifySyncStart(full: $full) { run { id mode status } userErrors { code message } } }`;
const bulkStarts = (resource: string) =>
  h.fake.requests.filter(
    (r) =>
      r.outcome === 'ok' &&
      r.rootFields.includes('bulkOperationRunQuery') &&
      String(r.variables.query).includes(`${resource} {`),
  ).length;

describeEachDatabase('shopify sync and webhooks', { plugins: SHOPIFY_PLUGINS, tenantsDir: shopifyTenants() }, (get) => {
  const runtime = () => get().gateway.runtime;
  const alpha = () => tenantOf(runtime(), 'alpha');
  const count = (table: string) => shopifyRows(runtime(), 'alpha', table);
  let betaBefore: string;

  beforeAll(async () => {
    Object.assign(h.fake.store, emptyStore());
    seedStore(h.fake.store);
    const beta = tenantOf(runtime(), 'beta');
    for (const plugin of get().gateway.composition.plugins)
      await plugin.seed?.(runtime(), { profile: 'demo', tenants: [beta] });
    betaBefore = await tenantChecksum(runtime(), 'beta');
    expect(betaBefore).toMatch(/products:[1-9]/);
  });

  it('imports the whole shop through bulk operations after an admin starts a sync', async () => {
    const admin = await get().admin('alpha');
    const started = await get().graphql(START, { full: true }, admin);
    expect(started.body.data).toMatchObject({
      shopifySyncStart: { run: { mode: 'FULL', status: 'QUEUED' }, userErrors: [] },
    });
    // Starting again while queued returns the same run.
    const again = await get().graphql(START, { full: true }, admin);
    expect(again.body.data).toEqual(started.body.data);

    const outcome = await runNextSync(runtime(), alpha(), syncDeps(h));
    expect(outcome).toMatchObject({ ok: true, errors: [] });
    expect(outcome!.counts).toEqual({
      products: 3,
      variants: 6,
      collections: 3,
      locations: 2,
      inventoryLevels: 12,
      customers: 3,
      orders: 2,
      lineItems: 4,
    });
    expect(await runNextSync(runtime(), alpha(), syncDeps(h))).toBeNull();
    expect([await count('products'), await count('product_variants'), await count('collections')]).toEqual([3, 6, 2]);
    expect([await count('customers'), await count('orders'), await count('order_line_items')]).toEqual([3, 2, 4]);

    const connection = await get().graphql(CONNECTION, {}, admin);
    expect(connection.body.data).toMatchObject({
      shopifyConnection: {
        shop: 'acme.myshopify.com',
        apiVersion: '2025-07',
        status: 'ACTIVE',
        lastRun: { status: 'SUCCEEDED', mode: 'FULL', errors: [] },
        errors: [],
        throttle: { circuit: 'CLOSED' },
      },
    });
    expect(connection.body.data!.shopifyConnection).toMatchObject({
      counts: expect.arrayContaining([
        { resource: 'products', count: 3 },
        { resource: 'orders', count: 2 },
      ]),
    });
  });

  it('serves the synced shop through the domain queries, with Shopify ids for admins only', async () => {
    const list = `{ products(first: 10, sortKey: TITLE) { nodes { title handle variants(first: 5) { nodes { sku price { amount } quantityAvailable } } } } }`;
    const storefront = await get().graphql<{
      products: { nodes: { title: string; variants: { nodes: unknown[] } }[] };
    }>(list, {}, get().storefront('alpha'));
    expect(storefront.body.errors).toBeUndefined();
    expect(storefront.body.data!.products.nodes.map((p) => p.title)).toEqual(['Product 1', 'Product 2', 'Product 3']);
    expect(storefront.body.data!.products.nodes[0].variants.nodes).toEqual([
      { sku: 'SKU-101', price: { amount: '10.00' }, quantityAvailable: 10 },
      { sku: 'SKU-102', price: { amount: '11.00' }, quantityAvailable: 10 },
    ]);

    const admin = await get().admin('alpha');
    const ids = await get().graphql<{ products: { nodes: { shopifyId: string; shopifyAdminUrl: string }[] } }>(
      `{ products(first: 1, sortKey: TITLE) { nodes { shopifyId shopifyAdminUrl variants(first: 1) { nodes { shopifyId shopifyAdminUrl } } } } }`,
      {},
      admin,
    );
    expect(ids.body.data!.products.nodes[0]).toEqual({
      shopifyId: 'gid://shopify/Product/1',
      shopifyAdminUrl: 'https://acme.myshopify.com/admin/products/1',
      variants: {
        nodes: [
          {
            shopifyId: 'gid://shopify/ProductVariant/101',
            shopifyAdminUrl: 'https://acme.myshopify.com/admin/products/1/variants/101',
          },
        ],
      },
    });
    // The sync's writes keep the search index current: a synced variant's SKU finds its product.
    const found = await get().graphql<{ search: { nodes: { title: string }[] } }>(
      `{ search(query: "SKU-102") { nodes { title } } }`,
      {},
      get().storefront('alpha'),
    );
    expect(found.body.data!.search.nodes.map((n) => n.title)).toEqual(['Product 1']);
    const hidden = await get().graphql(`{ products(first: 1) { nodes { shopifyId } } }`, {}, get().storefront('alpha'));
    expect(hidden.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const orders = await get().graphql<{ orders: { nodes: Record<string, unknown>[] } }>(
      `{ orders(first: 5, sortKey: CREATED_AT) { nodes { orderNumber shopifyId totalPrice { amount } customer { email shopifyId }
        lineItems(first: 5) { nodes { title quantity } } } } }`,
      {},
      admin,
    );
    expect(orders.body.errors).toBeUndefined();
    expect(orders.body.data!.orders.nodes[0]).toMatchObject({
      orderNumber: 1001,
      shopifyId: 'gid://shopify/Order/1',
      totalPrice: { amount: '21.00' },
      customer: { email: 'ada1@example.com', shopifyId: 'gid://shopify/Customer/1' },
      lineItems: {
        nodes: [
          { title: 'Product 1', quantity: 1 },
          { title: 'Product 1', quantity: 2 },
        ],
      },
    });
  });

  it('picks up changes since the last sync incrementally', async () => {
    const product = h.fake.store.products[0];
    Object.assign(product, { title: 'Product 1 (renamed)', updatedAt: hour(500) });
    h.fake.store.customers.push({
      ...h.fake.store.customers[0],
      id: 'gid://shopify/Customer/9',
      email: 'grace@example.com',
      updatedAt: hour(500),
    });
    await requestSync(runtime(), alpha(), 'incremental', 'test');
    const outcome = await runNextSync(runtime(), alpha(), syncDeps(h));
    expect(outcome).toMatchObject({ ok: true, mode: 'incremental' });
    expect(outcome!.counts).toMatchObject({ products: 1, customers: 1 });
    expect(outcome!.counts.orders ?? 0).toBe(0);
    const titles = await runtime().withTenant('alpha', (trx) =>
      sql<{ title: string }>`select title from products where external_id = 'gid://shopify/Product/1'`.execute(trx),
    );
    expect(titles.rows).toEqual([{ title: 'Product 1 (renamed)' }]);
    const renamed = await get().graphql<{ search: { nodes: { title: string }[] } }>(
      `{ search(query: "renamed") { nodes { title } } }`,
      {},
      get().storefront('alpha'),
    );
    expect(renamed.body.data!.search.nodes.map((n) => n.title)).toEqual(['Product 1 (renamed)']);
    expect(await count('customers')).toBe(4);
  });

  it('waits out throttling and retries 429 (Retry-After in seconds) and 5xx during a sync', async () => {
    h.fake.store.products[1].updatedAt = hour(600);
    h.fake.failNext(1, { kind: 'status', status: 429, retryAfter: '3' });
    h.fake.failNext(1, { kind: 'status', status: 503 });
    h.fake.bucket.set(0);
    const sleepsBefore = h.clock.sleeps.length;
    await requestSync(runtime(), alpha(), 'incremental', 'test');
    const outcome = await runNextSync(runtime(), alpha(), syncDeps(h));
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome!.counts.products).toBe(1);
    expect(outcome!.throttledWaits).toBeGreaterThanOrEqual(3);
    expect(h.clock.sleeps.slice(sleepsBefore)).toContain(3000);
    const metrics = await (await fetch(`${get().adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/gateway_shopify_throttled_total\{tenant="alpha"\} [1-9]/);
    expect(metrics).toMatch(/gateway_shopify_sync_records_total\{tenant="alpha",resource="products"\} [1-9]/);
  });

  it('resumes a failed full import where it stopped, reusing the bulk result, without duplicates', async () => {
    const productStarts = bulkStarts('products');
    await requestSync(runtime(), alpha(), 'full', 'test');
    // The products download drops after the first product and a line of the second (batches of one).
    const failed = await runNextSync(runtime(), alpha(), syncDeps(h, { fetch: cutDownloads(5), batchSize: 1 }));
    expect(failed).toMatchObject({ ok: false });
    expect(failed!.counts).toMatchObject({ products: 1, variants: 2 });
    expect(bulkStarts('products')).toBe(productStarts + 1);

    // Inventory's bulk query then fails for good (more 5xx than retries).
    await requestSync(runtime(), alpha(), 'incremental', 'test');
    const resumed = await runNextSync(runtime(), alpha(), syncDeps(h));
    expect(resumed).toMatchObject({ ok: true });
    expect(resumed!.counts).toMatchObject({ products: 2, variants: 4, customers: 4, orders: 2 });
    expect(bulkStarts('products')).toBe(productStarts + 1);
    expect([await count('products'), await count('product_variants'), await count('orders')]).toEqual([3, 6, 2]);
  });

  it('records a run that fails on Shopify errors and resumes from the next resource', async () => {
    await requestSync(runtime(), alpha(), 'full', 'test');
    const productStarts = bulkStarts('products');
    // Products import (start, two polls), then inventory's bulk start fails past every retry.
    const failed = await runNextSync(runtime(), alpha(), {
      ...syncDeps(h),
      onProgress: (p) => {
        if (p.resource === 'products' && p.written === 3) h.fake.failNext(5, { kind: 'status', status: 500 });
      },
    });
    expect(failed).toMatchObject({ ok: false });
    expect(failed!.errors[0]).toMatch(/^UPSTREAM_UNAVAILABLE/);
    const connection = await get().graphql(CONNECTION, {}, await get().admin('alpha'));
    expect(connection.body.data).toMatchObject({
      shopifyConnection: { lastRun: { status: 'FAILED' }, errors: [expect.stringMatching(/UPSTREAM_UNAVAILABLE/)] },
    });

    await requestSync(runtime(), alpha(), 'incremental', 'test');
    const resumed = await runNextSync(runtime(), alpha(), syncDeps(h));
    expect(resumed).toMatchObject({ ok: true });
    expect(resumed!.counts).toMatchObject({ locations: 2, inventoryLevels: 12, customers: 4, orders: 2 });
    expect(bulkStarts('products')).toBe(productStarts + 1);
    expect(await count('products')).toBe(3);
  });

  it('runs a sync once when two instances try to claim it (skip locked, lease)', async () => {
    await requestSync(runtime(), alpha(), 'incremental', 'test');
    const outcomes = await Promise.all([
      runNextSync(runtime(), alpha(), syncDeps(h)),
      runNextSync(runtime(), alpha(), syncDeps(h)),
    ]);
    expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
    expect(outcomes.find((o) => o)).toMatchObject({ ok: true });
  });

  describe('webhooks', () => {
    const productUpdate = (title: string) => ({
      id: 1,
      admin_graphql_api_id: 'gid://shopify/Product/1',
      title,
      handle: 'product-1',
      body_html: '<p>Product 1</p>',
      vendor: 'Acme',
      product_type: 'Shirt',
      tags: 'seed, summer',
      status: 'active',
      created_at: hour(0),
      updated_at: hour(700),
      variants: [
        { id: 101, title: 'Size 1', sku: 'SKU-101', price: '12.50', position: 1, option1: '1', inventory_item_id: 101 },
        { id: 102, title: 'Size 2', sku: 'SKU-102', price: '13.50', position: 2, option1: '2', inventory_item_id: 102 },
      ],
    });
    const queued = () =>
      runtime().withTenant('alpha', async (trx) =>
        Number((await sql<{ n: string }>`select count(*) as n from shopify_webhook_events`.execute(trx)).rows[0].n),
      );
    const title = () =>
      runtime().withTenant(
        'alpha',
        async (trx) =>
          (
            await sql<{
              title: string;
            }>`select title from products where external_id = 'gid://shopify/Product/1'`.execute(trx)
          ).rows[0]?.title,
      );

    it('refuses a wrong or missing signature with 401 and writes nothing', async () => {
      const before = await queued();
      const wrong = await deliver(get().url, 'products/update', productUpdate('Hacked'), {
        eventId: 'e-bad',
        secret: 'not-the-secret',
      });
      const missing = await deliver(get().url, 'products/update', productUpdate('Hacked'), {
        eventId: 'e-none',
        secret: null,
      });
      const unknownShop = await deliver(get().url, 'products/update', productUpdate('Hacked'), {
        eventId: 'e-shop',
        shop: 'other.myshopify.com',
      });
      expect([wrong.status, missing.status, unknownShop.status]).toEqual([401, 401, 401]);
      expect(await queued()).toBe(before);
      expect(await processWebhooks(runtime(), alpha())).toBe(0);
      expect(await title()).toBe('Product 1 (renamed)');
    });

    it('refuses a signed body that is not a webhook with 400', async () => {
      const res = await fetch(`${get().url}/plugins/shopify/webhooks`, {
        method: 'POST',
        headers: {
          'x-shopify-shop-domain': 'acme.myshopify.com',
          'x-shopify-topic': 'products/update',
          'x-shopify-event-id': 'e-garbage',
          'x-shopify-hmac-sha256': createHmac('sha256', TEST_SECRET).update('not json').digest('base64'),
        },
        body: 'not json',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'Not a Shopify webhook delivery' } });
    });

    it('queues a signed delivery once, acknowledges replays, and applies it once', async () => {
      const first = await deliver(get().url, 'products/update', productUpdate('From webhook'), { eventId: 'e-1' });
      const replay = await deliver(get().url, 'products/update', productUpdate('From webhook'), { eventId: 'e-1' });
      expect([first, replay]).toEqual([
        { status: 200, body: { status: 'queued' } },
        { status: 200, body: { status: 'duplicate' } },
      ]);
      expect(await title()).toBe('Product 1 (renamed)'); // Acknowledged before it is applied.
      expect(await processWebhooks(runtime(), alpha())).toBe(1);
      expect(await title()).toBe('From webhook');
      const later = await deliver(get().url, 'products/update', productUpdate('Replayed'), { eventId: 'e-1' });
      expect(later.body).toEqual({ status: 'duplicate' });
      expect(await processWebhooks(runtime(), alpha())).toBe(0);
      expect(await title()).toBe('From webhook');
      const prices = await runtime().withTenant('alpha', (trx) =>
        sql<{ min_price: string; max_price: string }>`select min_price, max_price from products
          where external_id = 'gid://shopify/Product/1'`.execute(trx),
      );
      expect(prices.rows).toEqual([{ min_price: '12.50', max_price: '13.50' }]);
    });

    it('applies stock, order and customer topics', async () => {
      await deliver(
        get().url,
        'inventory_levels/update',
        { inventory_item_id: 101, location_id: 1, available: 40, updated_at: hour(800) },
        { eventId: 'e-stock' },
      );
      await deliver(
        get().url,
        'customers/create',
        {
          id: 77,
          admin_graphql_api_id: 'gid://shopify/Customer/77',
          email: 'New@Example.com',
          first_name: 'Nia',
          last_name: 'New',
          created_at: hour(800),
          updated_at: hour(800),
        },
        { eventId: 'e-customer' },
      );
      await deliver(
        get().url,
        'orders/create',
        {
          id: 55,
          admin_graphql_api_id: 'gid://shopify/Order/55',
          name: '#1055',
          email: 'new@example.com',
          currency: 'EUR',
          financial_status: 'paid',
          fulfillment_status: null,
          subtotal_price: '25.00',
          total_price: '25.00',
          created_at: hour(801),
          updated_at: hour(801),
          customer: { id: 77 },
          line_items: [
            {
              id: 551,
              title: 'Product 1',
              sku: 'SKU-101',
              quantity: 2,
              price: '12.50',
              product_id: 1,
              variant_id: 101,
            },
          ],
        },
        { eventId: 'e-order' },
      );
      expect(await processWebhooks(runtime(), alpha())).toBe(3);
      const order = await get().graphql<{ orders: { nodes: unknown[] } }>(
        `{ orders(first: 1, sortKey: CREATED_AT, reverse: true) { nodes { orderNumber financialStatus customer { email }
          lineItems(first: 2) { nodes { quantity variant { sku quantityAvailable } } } } } }`,
        {},
        await get().admin('alpha'),
      );
      expect(order.body.errors).toBeUndefined();
      expect(order.body.data!.orders.nodes[0]).toEqual({
        orderNumber: 1055,
        financialStatus: 'PAID',
        customer: { email: 'new@example.com' },
        lineItems: { nodes: [{ quantity: 2, variant: { sku: 'SKU-101', quantityAvailable: 45 } }] },
      });
    });

    it('answers the privacy topics: data request recorded, customer redacted', async () => {
      await deliver(
        get().url,
        'customers/data_request',
        {
          shop_id: 1,
          shop_domain: 'acme.myshopify.com',
          customer: { id: 1, email: 'ada1@example.com' },
          orders_requested: [1],
        },
        { eventId: 'e-request' },
      );
      await deliver(
        get().url,
        'customers/redact',
        {
          shop_id: 1,
          shop_domain: 'acme.myshopify.com',
          customer: { id: 1, email: 'ada1@example.com' },
          orders_to_redact: [1],
        },
        { eventId: 'e-redact' },
      );
      expect(await processWebhooks(runtime(), alpha())).toBe(2);
      const rows = await runtime().withTenant('alpha', async (trx) => ({
        requests: (await sql`select customer_external_id, orders_requested from shopify_data_requests`.execute(trx))
          .rows,
        customer: (
          await sql`select email, first_name, last_name, phone from customers where external_id = 'gid://shopify/Customer/1'`.execute(
            trx,
          )
        ).rows,
        emails: (
          await sql`select count(*)::int as n from orders o join customers c on c.id = o.customer_id
            where c.external_id = 'gid://shopify/Customer/1' and o.email is not null`.execute(trx)
        ).rows,
      }));
      expect(rows.requests).toEqual([
        { customer_external_id: 'gid://shopify/Customer/1', orders_requested: ['gid://shopify/Order/1'] },
      ]);
      expect(rows.customer).toEqual([
        {
          email: expect.stringMatching(/^redacted-\d+@redacted\.invalid$/),
          first_name: null,
          last_name: null,
          phone: null,
        },
      ]);
      expect(rows.emails).toEqual([{ n: 0 }]);
      // The same privacy path as the admin mutations: recorded, and the request keeps the export made for it.
      const recorded = await runtime().withTenant('alpha', async (trx) => ({
        audit: (
          await sql`select p.kind, p.requested_by from customer_privacy_requests p join customers c on c.id = p.customer_id
            where c.external_id = 'gid://shopify/Customer/1' order by p.id`.execute(trx)
        ).rows,
        exported: (await sql<{ export: unknown }>`select export from shopify_data_requests`.execute(trx)).rows,
      }));
      expect(recorded.audit).toEqual([
        { kind: 'export', requested_by: 'shopify:customers/data_request' },
        { kind: 'erase', requested_by: 'shopify:customers/redact' },
      ]);
      expect(recorded.exported).toEqual([
        { export: [expect.objectContaining({ customers: expect.objectContaining({ profile: expect.any(Object) }) })] },
      ]);
    });

    it('stops syncing after app/uninstalled, then deletes the shop data on shop/redact', async () => {
      await deliver(
        get().url,
        'app/uninstalled',
        { id: 1, domain: 'acme.myshopify.com', myshopify_domain: 'acme.myshopify.com' },
        { eventId: 'e-uninstall' },
      );
      expect(await processWebhooks(runtime(), alpha())).toBe(1);
      const admin = await get().admin('alpha');
      const start = await get().graphql(START, { full: false }, admin);
      expect(start.body.data).toMatchObject({ shopifySyncStart: { run: null, userErrors: [{ code: 'NOT_ALLOWED' }] } });
      const connection = await get().graphql(CONNECTION, {}, admin);
      expect(connection.body.data).toMatchObject({ shopifyConnection: { status: 'UNINSTALLED' } });
      await deliver(get().url, 'products/update', productUpdate('After uninstall'), { eventId: 'e-after' });
      expect(await processWebhooks(runtime(), alpha())).toBe(1);
      expect(await title()).toBe('From webhook');

      await deliver(
        get().url,
        'shop/redact',
        { shop_id: 1, shop_domain: 'acme.myshopify.com' },
        { eventId: 'e-shop-redact' },
      );
      expect(await processWebhooks(runtime(), alpha())).toBe(1);
      for (const table of ['products', 'product_variants', 'collections', 'locations', 'customers', 'orders']) {
        expect([table, await count(table)]).toEqual([table, 0]);
      }
    });
  });

  it("leaves the other tenant's data untouched throughout", async () => {
    expect(await tenantChecksum(runtime(), 'beta')).toBe(betaBefore);
  });
});
