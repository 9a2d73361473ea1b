import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import { SHOPIFY_PLUGINS, shopifyTenants, tenantChecksum, tenantOf } from './kit';
import { shopifyWrites, syncAlpha, type SyncedIds } from './writes-kit';

/** With payments, whose partial fulfilments of a synced order are refused like the orders plugin's. */
const MIRROR_PLUGINS = [...SHOPIFY_PLUGINS, 'payments'];

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

const ERRORS = 'userErrors { field code message }';
type Payload = { userErrors: { field: string[]; code: string; message: string }[] } & Record<string, unknown>;

/** Every mutation of a synced record, with the input path that names the record. */
function mutations(ids: SyncedIds): [string, string, Record<string, unknown>, string[]][] {
  const stock = { variantId: ids.variant, locationId: ids.location, reason: 'count' };
  return [
    [
      'productUpdate',
      `mutation($id: ID!) { productUpdate(input: { id: $id, title: "Mine" }) { product { id } ${ERRORS} } }`,
      { id: ids.product },
      ['input', 'id'],
    ],
    [
      'productDelete',
      `mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId ${ERRORS} } }`,
      { id: ids.product },
      ['input', 'id'],
    ],
    [
      'productVariantCreate',
      `mutation($id: ID!) { productVariantCreate(input: { productId: $id, price: "1.00", optionValues: ["9"] }) { productVariant { id } ${ERRORS} } }`,
      { id: ids.product },
      ['input', 'productId'],
    ],
    [
      'productVariantUpdate',
      `mutation($id: ID!) { productVariantUpdate(input: { id: $id, price: "1.00" }) { productVariant { id } ${ERRORS} } }`,
      { id: ids.variant },
      ['input', 'id'],
    ],
    [
      'productVariantDelete',
      `mutation($id: ID!) { productVariantDelete(id: $id) { deletedProductVariantId ${ERRORS} } }`,
      { id: ids.variant },
      ['id'],
    ],
    [
      'productOptionsCreate',
      `mutation($id: ID!) { productOptionsCreate(productId: $id, options: [{ name: "Colour", values: ["Red"] }]) { product { id } ${ERRORS} } }`,
      { id: ids.product },
      ['productId'],
    ],
    [
      'productOptionUpdate',
      `mutation($id: ID!) { productOptionUpdate(productId: $id, option: { id: "gid://retail/ProductOption/1", name: "X" }) { product { id } ${ERRORS} } }`,
      { id: ids.product },
      ['productId'],
    ],
    [
      'productOptionsDelete',
      `mutation($id: ID!) { productOptionsDelete(productId: $id, options: ["gid://retail/ProductOption/1"]) { product { id } ${ERRORS} } }`,
      { id: ids.product },
      ['productId'],
    ],
    [
      'collectionUpdate',
      `mutation($id: ID!) { collectionUpdate(input: { id: $id, title: "Mine" }) { collection { id } ${ERRORS} } }`,
      { id: ids.collection },
      ['input', 'id'],
    ],
    [
      'collectionDelete',
      `mutation($id: ID!) { collectionDelete(input: { id: $id }) { deletedCollectionId ${ERRORS} } }`,
      { id: ids.collection },
      ['input', 'id'],
    ],
    [
      'collectionAddProducts',
      `mutation($id: ID!, $p: ID!) { collectionAddProducts(id: $id, productIds: [$p]) { collection { id } ${ERRORS} } }`,
      { id: ids.collection, p: ids.product },
      ['id'],
    ],
    [
      'collectionRemoveProducts',
      `mutation($id: ID!, $p: ID!) { collectionRemoveProducts(id: $id, productIds: [$p]) { collection { id } ${ERRORS} } }`,
      { id: ids.collection, p: ids.product },
      ['id'],
    ],
    [
      'inventoryAdjust',
      `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { inventoryLevel { available } ${ERRORS} } }`,
      { input: { ...stock, delta: 3 } },
      ['input', 'variantId'],
    ],
    [
      'inventorySet',
      `mutation($input: InventorySetInput!) { inventorySet(input: $input) { inventoryLevel { available } ${ERRORS} } }`,
      { input: { ...stock, quantity: 40 } },
      ['input', 'variantId'],
    ],
    [
      'customerUpdate',
      `mutation($id: ID!) { customerUpdate(id: $id, input: { firstName: "Grace" }) { customer { id } ${ERRORS} } }`,
      { id: ids.customer },
      ['id'],
    ],
    [
      'orderCancel',
      `mutation($id: ID!) { orderCancel(id: $id) { order { id } ${ERRORS} } }`,
      { id: ids.order },
      ['id'],
    ],
    [
      'orderFulfill',
      `mutation($id: ID!) { orderFulfill(id: $id) { order { id } ${ERRORS} } }`,
      { id: ids.order },
      ['id'],
    ],
    [
      'fulfillmentCreate',
      `mutation($id: ID!, $loc: ID!) { fulfillmentCreate(orderId: $id, locationId: $loc) { fulfillment { id } ${ERRORS} } }`,
      { id: ids.order, loc: stock.locationId },
      ['orderId'],
    ],
  ];
}

describeEachDatabase(
  'shopify mirror mode: synced records are read-only here',
  { plugins: MIRROR_PLUGINS, tenantsDir: shopifyTenants([], MIRROR_PLUGINS) },
  (get) => {
    let ids: SyncedIds;
    let betaBefore: string;

    beforeAll(async () => {
      const runtime = get().gateway.runtime;
      for (const plugin of get().gateway.composition.plugins)
        await plugin.seed?.(runtime, { profile: 'demo', tenants: [tenantOf(runtime, 'beta')] });
      betaBefore = await tenantChecksum(runtime, 'beta');
      ids = await syncAlpha(get(), h);
    });

    it('refuses every mutation of a synced record with MANAGED_EXTERNALLY, changing nothing here or in Shopify', async () => {
      const admin = await get().admin('alpha');
      const before = await tenantChecksum(get().gateway.runtime, 'alpha');
      const writesBefore = shopifyWrites(h).length;
      const list = mutations(ids);
      expect(list).toHaveLength(18);
      for (const [name, query, variables, field] of list) {
        const res = await get().graphql<Record<string, Payload>>(query, variables, admin);
        expect({ name, errors: res.body.errors }).toEqual({ name, errors: undefined });
        const payload = res.body.data![name];
        expect({ name, userErrors: payload.userErrors }).toEqual({
          name,
          userErrors: [{ field, code: 'MANAGED_EXTERNALLY', message: expect.stringContaining('managed in Shopify') }],
        });
      }
      expect(await tenantChecksum(get().gateway.runtime, 'alpha')).toBe(before);
      expect(shopifyWrites(h).length).toBe(writesBefore);
    });

    it("refuses a storefront checkout of Shopify's products (the shop's own checkout sells them)", async () => {
      const sf = get().storefront('alpha');
      const made = await get().graphql<{ cartCreate: { cart: { id: string } } }>(
        `mutation($v: ID!) { cartCreate(input: { lines: [{ merchandiseId: $v, quantity: 1 }] }) { cart { id } ${ERRORS} } }`,
        { v: ids.variant },
        sf,
      );
      const cartId = made.body.data!.cartCreate.cart.id;
      const before = await tenantChecksum(get().gateway.runtime, 'alpha');
      const writesBefore = shopifyWrites(h).length;
      const res = await get().graphql<{ checkoutComplete: Payload }>(
        `mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: "mirror-1", email: "b@example.com") { order { id } ${ERRORS} } }`,
        { c: cartId },
        sf,
      );
      expect(res.body.data!.checkoutComplete).toEqual({
        order: null,
        userErrors: [{ field: ['cartId'], code: 'MANAGED_EXTERNALLY', message: expect.stringContaining('Shopify') }],
      });
      expect(await tenantChecksum(get().gateway.runtime, 'alpha')).toBe(before);
      expect(shopifyWrites(h).length).toBe(writesBefore);
    });

    it('keeps records created here editable, and leaves the second tenant untouched', async () => {
      const admin = await get().admin('alpha');
      const created = await get().graphql<{ productCreate: { product: { id: string } } }>(
        `mutation { productCreate(input: { title: "Local", handle: "local-one" }) { product { id } ${ERRORS} } }`,
        {},
        admin,
      );
      const id = created.body.data!.productCreate.product.id;
      const updated = await get().graphql<{ productUpdate: Payload }>(
        `mutation($id: ID!) { productUpdate(input: { id: $id, title: "Local, renamed" }) { product { title } ${ERRORS} } }`,
        { id },
        admin,
      );
      expect(updated.body.data!.productUpdate).toEqual({ product: { title: 'Local, renamed' }, userErrors: [] });
      expect(await tenantChecksum(get().gateway.runtime, 'beta')).toBe(betaBefore);
    });

    it('lets a tenant without a shop edit its own records as before', async () => {
      const admin = await get().admin('beta');
      const list = await get().graphql<{ products: { nodes: { id: string }[] } }>(
        '{ products(first: 1) { nodes { id } } }',
        {},
        admin,
      );
      const res = await get().graphql<{ productUpdate: Payload }>(
        `mutation($id: ID!) { productUpdate(input: { id: $id, title: "Beta's own" }) { product { title } ${ERRORS} } }`,
        { id: list.body.data!.products.nodes[0].id },
        admin,
      );
      expect(res.body.data!.productUpdate).toEqual({ product: { title: "Beta's own" }, userErrors: [] });
    });
  },
);
