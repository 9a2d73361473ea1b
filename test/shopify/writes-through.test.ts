import { sql } from 'kysely';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';
import { hour } from '../fake-shopify';
import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import { deliver, SHOPIFY_PLUGINS, shopifyTenants, syncDeps, tenantChecksum, tenantOf } from './kit';
import { shopifyWrites, syncAlpha, type SyncedIds } from './writes-kit';

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

jest.setTimeout(120_000);

const ERRORS = 'userErrors { field code message }';
type UserErrors = { field: string[]; code: string; message: string }[];
const PRODUCT_UPDATE = `mutation($input: ProductUpdateInput!) {
  productUpdate(input: $input) { product { title description } ${ERRORS} } }`;
const VARIANT_UPDATE = `mutation($input: ProductVariantUpdateInput!) {
  productVariantUpdate(input: $input) { productVariant { sku price { amount } } product { priceRange { maxVariantPrice { amount } } } ${ERRORS} } }`;
const ADJUST = `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { inventoryLevel { available } ${ERRORS} } }`;
const SET = `mutation($input: InventorySetInput!) { inventorySet(input: $input) { inventoryLevel { available } ${ERRORS} } }`;

describeEachDatabase(
  'shopify write-through: mutations of synced records go to Shopify first',
  {
    plugins: SHOPIFY_PLUGINS,
    tenantsDir: shopifyTenants(['writes: write-through']),
    // Low, so that Shopify's failures would open the catalog plugin's circuit if they counted against it.
    env: { PLUGIN_CIRCUIT_FAILURES: '2' },
  },
  (get, kind) => {
    let ids: SyncedIds;
    let betaBefore: string;
    const runtime = () => get().gateway.runtime;
    const admin = async (requestId?: string) => ({
      ...(await get().admin('alpha')),
      ...(requestId ? { 'x-request-id': requestId } : {}),
    });
    const fakeProduct = () => h.fake.store.products.find((p) => p.id === 'gid://shopify/Product/1')!;
    const fakeLevel = () =>
      h.fake.store.inventoryLevels.find(
        (l) => l.inventoryItemId === 'gid://shopify/InventoryItem/101' && l.locationId === 'gid://shopify/Location/1',
      )!;
    const localTitle = async () =>
      (
        await get().graphql<{ product: { title: string } }>(
          'query($id: ID!) { product(id: $id) { title } }',
          { id: ids.product },
          await admin(),
        )
      ).body.data!.product.title;

    beforeAll(async () => {
      for (const plugin of get().gateway.composition.plugins)
        await plugin.seed?.(runtime(), { profile: 'demo', tenants: [tenantOf(runtime(), 'beta')] });
      betaBefore = await tenantChecksum(runtime(), 'beta');
      ids = await syncAlpha(get(), h);
      // Shopify stamps a change with its own time, later than anything the import saw.
      // (The harness is shared by both databases' runs: never move its clock back.)
      h.clock.advance(Math.max(0, 100 * 3600_000 - (h.clock.now() - Date.parse(hour(0)))));
    });

    it('updates the product in Shopify, then our copy from its answer, in one request', async () => {
      const writes = shopifyWrites(h).length;
      const res = await get().graphql<{ productUpdate: unknown }>(
        PRODUCT_UPDATE,
        { input: { id: ids.product, title: 'Written through', description: '<p>New</p>' } },
        await admin(),
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.productUpdate).toEqual({
        product: { title: 'Written through', description: '<p>New</p>' },
        userErrors: [],
      });
      expect(fakeProduct()).toMatchObject({ title: 'Written through', descriptionHtml: '<p>New</p>' });
      expect(shopifyWrites(h).length).toBe(writes + 1);
      expect(await localTitle()).toBe('Written through');
    });

    it("answers Shopify's userErrors on our input's paths and changes nothing", async () => {
      const before = await tenantChecksum(runtime(), 'alpha');
      const blank = await get().graphql<{ productUpdate: { userErrors: UserErrors } }>(
        PRODUCT_UPDATE,
        { input: { id: ids.product, title: ' ' } },
        await admin(),
      );
      expect(blank.body.data!.productUpdate.userErrors).toEqual([
        { field: ['input', 'title'], code: 'BLANK', message: "Shopify: Title can't be blank" },
      ]);
      const price = await get().graphql<{ productVariantUpdate: { userErrors: UserErrors } }>(
        VARIANT_UPDATE,
        { input: { id: ids.variant, price: '-1.00' } },
        await admin(),
      );
      expect(price.body.data!.productVariantUpdate.userErrors).toEqual([
        {
          field: ['input', 'price'],
          code: 'LESS_THAN_ZERO',
          message: expect.stringContaining('greater than or equal'),
        },
      ]);
      const images = await get().graphql<{ productUpdate: { userErrors: UserErrors } }>(
        PRODUCT_UPDATE,
        { input: { id: ids.product, images: [{ url: 'https://example.com/a.png' }] } },
        await admin(),
      );
      expect(images.body.data!.productUpdate.userErrors).toEqual([
        { field: ['input', 'images'], code: 'MANAGED_EXTERNALLY', message: expect.stringContaining('Shopify') },
      ]);
      expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
      expect(fakeProduct().title).toBe('Written through');
      // Shopify's outage is not the catalog's: its circuit stays closed for every tenant.
      const read = await get().graphql('{ products(first: 1) { nodes { id } } }', {}, get().storefront('beta'));
      expect(read.body.errors).toBeUndefined();
    });

    it('updates a variant through productVariantsBulkUpdate; price range and sku follow', async () => {
      const res = await get().graphql<{ productVariantUpdate: unknown }>(
        VARIANT_UPDATE,
        { input: { id: ids.variant, price: '99.50', sku: 'NEW-SKU' } },
        await admin(),
      );
      expect(res.body.data!.productVariantUpdate).toEqual({
        productVariant: { sku: 'NEW-SKU', price: { amount: '99.50' } },
        product: { priceRange: { maxVariantPrice: { amount: '99.50' } } },
        userErrors: [],
      });
      expect(fakeProduct().variants[0]).toMatchObject({ price: '99.50', sku: 'NEW-SKU' });
    });

    it('adjusts and sets stock in Shopify; a retried request (same X-Request-Id) is not sent twice', async () => {
      const stock = { variantId: ids.variant, locationId: ids.location, reason: 'recount' };
      const startAt = fakeLevel().quantities.available;
      const writes = shopifyWrites(h).length;
      const first = await get().graphql<{ inventoryAdjust: unknown }>(
        ADJUST,
        { input: { ...stock, delta: 3 } },
        await admin('adjust-1'),
      );
      expect(first.body.data!.inventoryAdjust).toEqual({ inventoryLevel: { available: startAt + 3 }, userErrors: [] });
      const retried = await get().graphql<{ inventoryAdjust: unknown }>(
        ADJUST,
        { input: { ...stock, delta: 3 } },
        await admin('adjust-1'),
      );
      expect(retried.body.data!.inventoryAdjust).toEqual({
        inventoryLevel: { available: startAt + 3 },
        userErrors: [],
      });
      expect(fakeLevel().quantities.available).toBe(startAt + 3);
      expect(shopifyWrites(h).length).toBe(writes + 1);

      const set = await get().graphql<{ inventorySet: unknown }>(
        SET,
        { input: { ...stock, quantity: 40 } },
        await admin(),
      );
      expect(set.body.data!.inventorySet).toEqual({ inventoryLevel: { available: 40 }, userErrors: [] });
      expect(fakeLevel().quantities.available).toBe(40);
    });

    it('answers UPSTREAM_UNAVAILABLE or UPSTREAM_THROTTLED when Shopify fails, and changes nothing', async () => {
      const before = await tenantChecksum(runtime(), 'alpha');
      const input = { id: ids.product, title: 'Never written' };
      const cases: [Parameters<ShopifyHarness['fake']['failNext']>, string][] = [
        [[2, { kind: 'status', status: 503 }], 'UPSTREAM_UNAVAILABLE'],
        [[1, { kind: 'status', status: 429, retryAfter: '120' }], 'UPSTREAM_THROTTLED'],
        [[2, { kind: 'throttled' }], 'UPSTREAM_THROTTLED'],
      ];
      for (const [fault, code] of cases) {
        h.fake.failNext(...fault);
        const res = await get().graphql(PRODUCT_UPDATE, { input }, await admin('failing-1'));
        expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.systemOfRecord])).toEqual([
          [code, 'Shopify'],
        ]);
      }
      expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
      expect(fakeProduct().title).toBe('Written through');
      // Shopify's outage is not the catalog's: its circuit stays closed for every tenant.
      const read = await get().graphql('{ products(first: 1) { nodes { id } } }', {}, get().storefront('beta'));
      expect(read.body.errors).toBeUndefined();
      // The failed request left no intent behind: its retry goes through.
      const retried = await get().graphql<{ productUpdate: unknown }>(
        PRODUCT_UPDATE,
        { input: { id: ids.product, title: 'Written on retry' } },
        await admin('failing-1'),
      );
      expect(retried.body.data!.productUpdate).toMatchObject({
        product: { title: 'Written on retry' },
        userErrors: [],
      });
    });

    it('keeps the newest version when a local edit and a webhook cross', async () => {
      const webhook = (title: string, updatedAt: string, eventId: string) =>
        deliver(
          get().url,
          'products/update',
          {
            id: 1,
            admin_graphql_api_id: 'gid://shopify/Product/1',
            title,
            handle: 'product-1',
            body_html: '',
            vendor: 'Acme',
            product_type: 'Shirt',
            tags: '',
            status: 'active',
            created_at: hour(0),
            updated_at: updatedAt,
            variants: fakeProduct().variants.map((v) => ({
              id: Number(v.id.split('/').pop()),
              title: v.title,
              sku: v.sku,
              price: v.price,
              position: v.position,
              option1: v.selectedOptions[0]?.value,
              inventory_item_id: Number(v.inventoryItemId.split('/').pop()),
            })),
          },
          { eventId },
        );
      // A webhook of an earlier version, delivered while the edit is sent to Shopify.
      const [edit] = await Promise.all([
        get().graphql<{ productUpdate: unknown }>(
          PRODUCT_UPDATE,
          { input: { id: ids.product, title: 'Edited here' } },
          await admin(),
        ),
        webhook('Earlier in Shopify', hour(50), `cross-1-${kind}`).then(() =>
          processWebhooks(runtime(), tenantOf(runtime(), 'alpha')),
        ),
      ]);
      expect(edit.body.data!.productUpdate).toMatchObject({ userErrors: [] });
      await processWebhooks(runtime(), tenantOf(runtime(), 'alpha'));
      expect(await localTitle()).toBe('Edited here');
      // A later change in Shopify wins over the edit.
      await webhook('Later in Shopify', new Date(h.clock.now() + 3600_000).toISOString(), `cross-2-${kind}`);
      await processWebhooks(runtime(), tenantOf(runtime(), 'alpha'));
      expect(await localTitle()).toBe('Later in Shopify');
    });

    it('repairs our copy by the next sync when the local write fails after Shopify accepted', async () => {
      h.clock.advance(1000 * 3600_000);
      const db = runtime().db;
      await sql`create or replace function refuse_boom() returns trigger language plpgsql as $$
        begin if new.title = 'Boom' then raise exception 'local write failed'; end if; return new; end $$`.execute(db);
      await sql`create trigger refuse_boom before update on products for each row execute function refuse_boom()`.execute(
        db,
      );
      try {
        const writes = shopifyWrites(h).length;
        const failed = await get().graphql(
          PRODUCT_UPDATE,
          { input: { id: ids.product, title: 'Boom' } },
          await admin('boom-1'),
        );
        expect(failed.body.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
        expect(fakeProduct().title).toBe('Boom');
        expect(await localTitle()).toBe('Later in Shopify');
        // The client retries: Shopify already has the change, it is not sent again.
        const retried = await get().graphql<{ productUpdate: unknown }>(
          PRODUCT_UPDATE,
          { input: { id: ids.product, title: 'Boom' } },
          await admin('boom-1'),
        );
        expect(retried.body.data!.productUpdate).toMatchObject({ userErrors: [] });
        expect(shopifyWrites(h).length).toBe(writes + 1);
      } finally {
        await sql`drop trigger refuse_boom on products`.execute(db);
        await sql`drop function refuse_boom()`.execute(db);
      }
      const alpha = tenantOf(runtime(), 'alpha');
      await requestSync(runtime(), alpha, 'incremental', 'test');
      expect(await runNextSync(runtime(), alpha, syncDeps(h))).toMatchObject({ ok: true });
      expect(await localTitle()).toBe('Boom');
      // The sync spent the bucket on the virtual clock; writes wait in real time, which does not refill it.
      h.fake.bucket.set(h.fake.bucket.max);
    });

    it('updates customers, cancels orders and renames collections through Shopify', async () => {
      const a = await admin();
      const customer = await get().graphql<{ customerUpdate: unknown }>(
        `mutation($id: ID!) { customerUpdate(id: $id, input: { firstName: "Grace" }) { customer { firstName } ${ERRORS} } }`,
        { id: ids.customer },
        a,
      );
      expect(customer.body.errors).toBeUndefined();
      expect(customer.body.data!.customerUpdate).toEqual({ customer: { firstName: 'Grace' }, userErrors: [] });
      expect(h.fake.store.customers[0].firstName).toBe('Grace');
      const badEmail = await get().graphql<{ customerUpdate: unknown }>(
        `mutation($id: ID!) { customerUpdate(id: $id, input: { email: "nope" }) { customer { firstName } ${ERRORS} } }`,
        { id: ids.customer },
        a,
      );
      expect(badEmail.body.data!.customerUpdate).toEqual({
        customer: null,
        userErrors: [{ field: ['input', 'email'], code: 'INVALID', message: 'Shopify: Email is invalid' }],
      });

      const CANCEL = `mutation($id: ID!) { orderCancel(id: $id, reason: CUSTOMER) { order { status cancelledAt } ${ERRORS} } }`;
      const cancelled = await get().graphql<{ orderCancel: { order: { cancelledAt: string | null } } }>(
        CANCEL,
        { id: ids.order },
        a,
      );
      expect(cancelled.body.data!.orderCancel).toMatchObject({ order: { status: 'CANCELLED' }, userErrors: [] });
      expect(cancelled.body.data!.orderCancel.order.cancelledAt).not.toBeNull();
      expect(h.fake.store.orders[0].cancelledAt).not.toBeNull();
      const again = await get().graphql<{ orderCancel: unknown }>(CANCEL, { id: ids.order }, a);
      expect(again.body.data!.orderCancel).toEqual({
        order: null,
        userErrors: [{ field: ['id'], code: 'INVALID', message: 'Shopify: Order has already been cancelled' }],
      });

      const renamed = await get().graphql<{ collectionUpdate: unknown }>(
        `mutation($id: ID!) { collectionUpdate(input: { id: $id, title: "Summer" }) { collection { title } ${ERRORS} } }`,
        { id: ids.collection },
        a,
      );
      expect(renamed.body.data!.collectionUpdate).toEqual({ collection: { title: 'Summer' }, userErrors: [] });
      expect(h.fake.store.collections[0].title).toBe('Summer');
    });

    it('fulfils a Shopify order through fulfillmentCreate (its fulfillment orders); refuses what is left to none', async () => {
      h.fake.bucket.set(h.fake.bucket.max);
      const a = await admin();
      const listed = await get().graphql<{ orders: { nodes: { id: string; shopifyId: string }[] } }>(
        '{ orders(first: 5) { nodes { id shopifyId } } }',
        {},
        a,
      );
      const open = listed.body.data!.orders.nodes.find((o) => o.id !== ids.order)!;
      const fake = h.fake.store.orders.find((o) => o.id === open.shopifyId)!;
      const FULFIL = `mutation($id: ID!) { orderFulfill(id: $id) { order { fulfillmentStatus } ${ERRORS} } }`;
      const calls = () => shopifyWrites(h).filter((r) => r.rootFields.includes('fulfillmentCreate')).length;
      const before = calls();
      const done = await get().graphql<{ orderFulfill: unknown }>(FULFIL, { id: open.id }, a);
      expect(done.body.errors).toBeUndefined();
      expect(done.body.data!.orderFulfill).toEqual({ order: { fulfillmentStatus: 'FULFILLED' }, userErrors: [] });
      expect(fake.displayFulfillmentStatus).toBe('FULFILLED');
      expect(fake.fulfillments).toHaveLength(1);
      expect(calls()).toBe(before + 1);
      const snapshot = await tenantChecksum(runtime(), 'alpha');
      // Nothing is left to fulfil: refused before fulfillmentCreate is sent.
      for (const id of [open.id]) {
        h.fake.bucket.set(h.fake.bucket.max);
        const again = await get().graphql<{ orderFulfill: { userErrors: UserErrors } }>(FULFIL, { id }, a);
        expect(again.body.data!.orderFulfill.userErrors).toEqual([
          { field: ['id'], code: 'ALREADY_COMPLETED', message: 'Nothing left to fulfil in Shopify' },
        ]);
      }
      expect(calls()).toBe(before + 1);
      expect(fake.fulfillments).toHaveLength(1);
      expect(await tenantChecksum(runtime(), 'alpha')).toBe(snapshot);
    });

    it("adds and removes a Shopify collection's products in Shopify, then here", async () => {
      h.fake.bucket.set(h.fake.bucket.max);
      const a = await admin();
      const MEMBERS = (op: string) => `mutation($id: ID!, $p: [ID!]!) { ${op}(id: $id, productIds: $p) {
        collection { products(first: 10) { nodes { id } } } ${ERRORS} } }`;
      const listed = await get().graphql<{ products: { nodes: { id: string; shopifyId: string }[] } }>(
        '{ products(first: 10, sortKey: TITLE) { nodes { id shopifyId } } }',
        {},
        a,
      );
      // Product 2 is in the other collection of the fake shop.
      const second = listed.body.data!.products.nodes.find((p) => p.shopifyId === 'gid://shopify/Product/2')!;
      const fakeProduct2 = () => h.fake.store.products.find((p) => p.id === 'gid://shopify/Product/2')!;
      const collectionGid = h.fake.store.collections[0].id;
      type Members = { collection: { products: { nodes: { id: string }[] } } | null; userErrors: UserErrors };
      const added = await get().graphql<{ collectionAddProducts: Members }>(
        MEMBERS('collectionAddProducts'),
        { id: ids.collection, p: [second.id] },
        a,
      );
      expect(added.body.errors).toBeUndefined();
      expect(added.body.data!.collectionAddProducts.userErrors).toEqual([]);
      expect(added.body.data!.collectionAddProducts.collection!.products.nodes.map((n) => n.id)).toContain(second.id);
      expect(fakeProduct2().collectionIds).toContain(collectionGid);
      const removed = await get().graphql<{ collectionRemoveProducts: Members }>(
        MEMBERS('collectionRemoveProducts'),
        { id: ids.collection, p: [second.id] },
        a,
      );
      expect(removed.body.data!.collectionRemoveProducts.userErrors).toEqual([]);
      expect(removed.body.data!.collectionRemoveProducts.collection!.products.nodes.map((n) => n.id)).not.toContain(
        second.id,
      );
      expect(fakeProduct2().collectionIds).not.toContain(collectionGid);
      // A gateway product cannot join a Shopify collection; Shopify is not called.
      const made = await get().graphql<{ productCreate: { product: { id: string } } }>(
        `mutation { productCreate(input: { title: "Local only" }) { product { id } ${ERRORS} } }`,
        {},
        a,
      );
      const writes = shopifyWrites(h).length;
      const local = await get().graphql<{ collectionAddProducts: Members }>(
        MEMBERS('collectionAddProducts'),
        { id: ids.collection, p: [made.body.data!.productCreate.product.id] },
        a,
      );
      expect(local.body.data!.collectionAddProducts.userErrors).toEqual([
        { field: ['productIds', '0'], code: 'NOT_FOUND', message: expect.stringContaining('Shopify') },
      ]);
      expect(shopifyWrites(h).length).toBe(writes);
    });

    it('refuses, in write-through mode too, the mutations Shopify does not take from here', async () => {
      const before = await tenantChecksum(runtime(), 'alpha');
      const remove = await get().graphql<{ productDelete: { userErrors: UserErrors } }>(
        `mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId ${ERRORS} } }`,
        { id: ids.product },
        await admin(),
      );
      expect(remove.body.data!.productDelete.userErrors.map((e) => e.code)).toEqual(['MANAGED_EXTERNALLY']);
      expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
    });

    it("leaves the second tenant's data untouched", async () => {
      expect(await tenantChecksum(runtime(), 'beta')).toBe(betaBefore);
    });
  },
);
