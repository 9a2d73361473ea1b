import { sql } from 'kysely';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';
import { cartTokenOf } from '../../resolvers/carts/cart-id';
import { hour } from '../fake-shopify';
import { TEST_STOREFRONT_TOKEN, startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { completeStorefrontCheckout, orderWebhookBody } from '../fake-shopify/storefront-checkout';
import type { FakeOrder } from '../fake-shopify/store';
import { describeEachDatabase } from '../kit/each-database';
import { SHOPIFY_PLUGINS, deliver, shopifyTenants, syncDeps, tenantChecksum, tenantOf } from './kit';
import { syncAlpha } from './writes-kit';

process.env.TEST_SHOPIFY_STOREFRONT_TOKEN = TEST_STOREFRONT_TOKEN;

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

jest.setTimeout(120_000);

type UserErrors = { field: string[]; code: string; message: string }[];
type Payload = { cart: { id: string } | null; userErrors: UserErrors };

const CREATE = `mutation($lines: [CartLineInput!]) { cartCreate(input: { lines: $lines }) { cart { id } userErrors { field code message } } }`;
const ADD = `mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { id } userErrors { field code message } } }`;
const BUYER = `mutation($cartId: ID!) { cartBuyerIdentityUpdate(cartId: $cartId, buyerIdentity: { email: "ada@example.com" }) { cart { id } userErrors { field code message } } }`;

type CartRow = { status: string; order_id: string | null; updated_at: Date };

describeEachDatabase(
  "shopify checkout: an order placed at Shopify's checkout completes the cart it came from",
  {
    plugins: SHOPIFY_PLUGINS,
    tenantsDir: shopifyTenants(['checkout: shopify', 'storefrontAccessTokenEnv: TEST_SHOPIFY_STOREFRONT_TOKEN']),
  },
  (get) => {
    let variant: string;
    let betaBefore: string;
    let orderTime = 900;
    const runtime = () => get().gateway.runtime;
    const alpha = () => tenantOf(runtime(), 'alpha');
    const send = async (query: string, variables: Record<string, unknown>, tenant = 'alpha') =>
      (await get().graphql<Record<string, Payload>>(query, variables, get().storefront(tenant))).body;
    const newCart = async (tenant = 'alpha', lines = [{ merchandiseId: variant, quantity: 2 }]) => {
      const res = await send(CREATE, { lines }, tenant);
      expect(res.data!.cartCreate.userErrors).toEqual([]);
      return res.data!.cartCreate.cart!.id;
    };
    const cartRow = (tenant: string, cartId: string) =>
      runtime().withTenant(tenant, async (trx) => {
        const { rows } = await sql<CartRow & { external_cart_id: string | null }>`
          select status, order_id, updated_at, external_cart_id from carts
          where tenant_id = ${tenant} and id = ${cartTokenOf(cartId)}`.execute(trx);
        return rows[0];
      });
    const orderRow = (externalId: string) =>
      runtime().withTenant('alpha', async (trx) => {
        const { rows } = await sql<{ id: string; cart_id: string | null; total: string }>`
          select id, cart_id, total::text from orders where tenant_id = 'alpha' and source = 'shopify'
          and external_id = ${externalId}`.execute(trx);
        return rows[0];
      });
    /** The buyer pays at the checkout of our cart's Storefront copy. */
    const buyerPays = async (cartId: string): Promise<FakeOrder> => {
      const row = await cartRow('alpha', cartId);
      orderTime += 1;
      return completeStorefrontCheckout(h.fake.store, row.external_cart_id!, hour(orderTime));
    };
    let eventSeq = 0;
    const deliverOrder = async (order: FakeOrder) => {
      eventSeq += 1;
      const res = await deliver(get().url, 'orders/create', orderWebhookBody(order), {
        eventId: `e-checkout-${eventSeq}`,
      });
      expect(res.body).toEqual({ status: 'queued' });
      return processWebhooks(runtime(), alpha());
    };
    const syncIncrementally = async () => {
      await requestSync(runtime(), alpha(), 'incremental', 'test');
      const outcome = await runNextSync(runtime(), alpha(), syncDeps(h));
      expect(outcome).toMatchObject({ ok: true, mode: 'incremental' });
      return outcome!;
    };

    beforeAll(async () => {
      betaBefore = await tenantChecksum(runtime(), 'beta');
      await syncAlpha(get(), h);
      const synced = await get().graphql<{ products: { nodes: { variants: { nodes: { id: string }[] } }[] } }>(
        '{ products(first: 1, sortKey: TITLE) { nodes { variants(first: 1) { nodes { id } } } } }',
        {},
        get().storefront('alpha'),
      );
      variant = synced.body.data!.products.nodes[0].variants.nodes[0].id;
    });

    it("names our cart on Shopify's copy, as an attribute Shopify copies onto the order", async () => {
      const cartId = await newCart();
      const row = await cartRow('alpha', cartId);
      const theirs = h.fake.store.carts.find((c) => c.id === row.external_cart_id)!;
      expect(theirs.attributes).toEqual([{ key: '_gateway_cart', value: cartTokenOf(cartId) }]);

      // A copy made before carts carried it gets it with the next write.
      theirs.attributes = [];
      expect((await send(BUYER, { cartId })).data!.cartBuyerIdentityUpdate.userErrors).toEqual([]);
      expect(theirs.attributes).toEqual([{ key: '_gateway_cart', value: cartTokenOf(cartId) }]);
    });

    it('completes the cart when the orders/create webhook brings its order, once', async () => {
      const cartId = await newCart();
      const other = await newCart();
      const order = await buyerPays(cartId);
      expect(await deliverOrder(order)).toBe(1);

      const placed = await orderRow(order.id);
      expect(placed).toMatchObject({ cart_id: cartTokenOf(cartId), total: order.totalPrice });
      const completed = await cartRow('alpha', cartId);
      expect(completed).toMatchObject({ status: 'COMPLETED', order_id: placed.id });
      expect(await cartRow('alpha', other)).toMatchObject({ status: 'ACTIVE', order_id: null });

      // Shopify delivers again (a retry under a new event id), then the sync reads the same order.
      expect(await deliverOrder(order)).toBe(1);
      await syncIncrementally();
      expect(await cartRow('alpha', cartId)).toEqual(completed);
      expect(await orderRow(order.id)).toEqual(placed);

      // The completed cart answers as any completed cart, and sends nothing to Shopify.
      const calls = h.fake.requests.length;
      const added = await send(ADD, { cartId, lines: [{ merchandiseId: variant, quantity: 1 }] });
      expect(added.data!.cartLinesAdd.userErrors).toEqual([
        { field: ['cartId'], code: 'ALREADY_COMPLETED', message: 'The cart is already checked out' },
      ]);
      expect(h.fake.requests.length).toBe(calls);
    });

    it('completes the cart when the sync brings its order first, and the late webhook changes nothing', async () => {
      const cartId = await newCart();
      const order = await buyerPays(cartId);
      const outcome = await syncIncrementally();
      expect(outcome.counts.orders).toBe(1);
      const placed = await orderRow(order.id);
      const completed = await cartRow('alpha', cartId);
      expect(completed).toMatchObject({ status: 'COMPLETED', order_id: placed.id });
      expect(placed.cart_id).toBe(cartTokenOf(cartId));

      expect(await deliverOrder(order)).toBe(1);
      expect(await cartRow('alpha', cartId)).toEqual(completed);
    });

    it("leaves another tenant's cart named by an order untouched", async () => {
      const betaCart = await newCart('beta', []);
      const before = await cartRow('beta', betaCart);
      const cartId = await newCart();
      const order = await buyerPays(cartId);
      order.customAttributes = [{ key: '_gateway_cart', value: cartTokenOf(betaCart)! }];
      expect(await deliverOrder(order)).toBe(1);
      expect(await cartRow('beta', betaCart)).toEqual(before);
      expect(await cartRow('alpha', cartId)).toMatchObject({ status: 'ACTIVE', order_id: null });
      expect(await tenantChecksum(runtime(), 'beta')).toBe(betaBefore);
    });
  },
);
