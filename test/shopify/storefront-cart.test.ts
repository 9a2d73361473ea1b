import { sql } from 'kysely';
import { TEST_STOREFRONT_TOKEN, startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import type { FakeCart } from '../fake-shopify/store';
import { describeEachDatabase } from '../kit/each-database';
import { cartTokenOf } from '../../resolvers/carts/cart-id';
import { SHOPIFY_PLUGINS, shopifyTenants, tenantChecksum } from './kit';
import { shopifyWrites, syncAlpha } from './writes-kit';

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
type CartShape = {
  id: string;
  checkoutUrl: string | null;
  lines: { nodes: { quantity: number; merchandise: { id: string } }[] };
};
type Payload = { cart: CartShape | null; userErrors: UserErrors };
type Body<T> = { data?: T; errors?: { message: string; extensions: Record<string, unknown> }[] };

const CART =
  'cart { id checkoutUrl lines(first: 10) { nodes { quantity merchandise { id } } } } userErrors { field code message }';
const CREATE = `mutation($lines: [CartLineInput!]) { cartCreate(input: { lines: $lines, note: "gift" }) { ${CART} } }`;
const ADD = `mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { ${CART} } }`;
const UPDATE = `mutation($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { ${CART} } }`;
const REMOVE = `mutation($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { ${CART} } }`;
const BUYER = `mutation($cartId: ID!, $email: String) { cartBuyerIdentityUpdate(cartId: $cartId, buyerIdentity: { email: $email, countryCode: "US" }) { ${CART} } }`;
const ADDRESS = `mutation($cartId: ID!) { cartDeliveryAddressUpdate(cartId: $cartId, address: { firstName: "Ada", address1: "1 Main St", city: "Los Angeles", province: "CA", zip: "90001", country: "US" }) { ${CART} } }`;
const CODES = `mutation($cartId: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $cartId, discountCodes: $codes) { ${CART} } }`;
const READ = `query($id: ID!) { cart(id: $id) { id checkoutUrl lines(first: 10) { nodes { id quantity merchandise { id } } } } }`;
const CHECKOUT = `mutation($cartId: ID!) { checkoutComplete(cartId: $cartId, idempotencyKey: "k-1", email: "a@example.com") { order { id } userErrors { field code message } } }`;
const LINE_IDS = `query($id: ID!) { cart(id: $id) { lines(first: 10) { nodes { id merchandise { id } } } } }`;

const STOREFRONT_ROOTS = new Set([
  'cart',
  'cartCreate',
  'cartLinesAdd',
  'cartLinesUpdate',
  'cartLinesRemove',
  'cartBuyerIdentityUpdate',
  'cartDiscountCodesUpdate',
]);
const storefrontCalls = () => h.fake.requests.filter((r) => r.path.startsWith('/api/')).length;

describeEachDatabase(
  "shopify checkout: carts mirrored to a Storefront API cart, checked out at Shopify's checkoutUrl",
  {
    plugins: SHOPIFY_PLUGINS,
    tenantsDir: shopifyTenants(['checkout: shopify', 'storefrontAccessTokenEnv: TEST_SHOPIFY_STOREFRONT_TOKEN']),
  },
  (get, kind) => {
    /** Our variants 101 and 102 (Shopify's gids), and a variant created in the gateway. */
    let a: { id: string; shopifyId: string };
    let b: { id: string; shopifyId: string };
    let local: string;
    let betaBefore: string;
    const runtime = () => get().gateway.runtime;
    const sf = () => get().storefront('alpha');
    const send = async <K extends string>(query: string, variables: Record<string, unknown>, tenant = 'alpha') =>
      (await get().graphql<Record<K, Payload>>(query, variables, get().storefront(tenant))).body as Body<
        Record<K, Payload>
      >;
    const read = async (id: string) =>
      (await get().graphql<{ cart: CartShape & { lines: { nodes: { id: string }[] } } }>(READ, { id }, sf())).body.data!
        .cart;
    /** The cart as Shopify holds it: Shopify variant id -> quantity. */
    const shopifyCart = (externalId: string) => h.fake.store.carts.find((c) => c.id === externalId);
    const shopifyLines = (cart: FakeCart | undefined) =>
      Object.fromEntries((cart?.lines ?? []).map((l) => [l.merchandiseId, l.quantity]));
    const stored = (cartId: string) =>
      runtime().withTenant('alpha', async (trx) => {
        const { rows } = await sql<{ external_cart_id: string | null; checkout_url: string | null; updated_at: Date }>`
          select external_cart_id, checkout_url, updated_at from carts where tenant_id = 'alpha'
          and id = ${cartTokenOf(cartId)}`.execute(trx);
        return rows[0];
      });
    const lineIdOf = async (cartId: string, variant: string) => {
      const res = await get().graphql<{ cart: { lines: { nodes: { id: string; merchandise: { id: string } }[] } } }>(
        LINE_IDS,
        { id: cartId },
        sf(),
      );
      return res.body.data!.cart.lines.nodes.find((l) => l.merchandise.id === variant)!.id;
    };
    const newCart = async (lines = [{ merchandiseId: a.id, quantity: 1 }]) => {
      const res = await send<'cartCreate'>(CREATE, { lines });
      expect(res.errors).toBeUndefined();
      expect(res.data!.cartCreate.userErrors).toEqual([]);
      return res.data!.cartCreate.cart!;
    };

    beforeAll(async () => {
      betaBefore = await tenantChecksum(runtime(), 'beta');
      await syncAlpha(get(), h);
      const admin = await get().admin('alpha');
      const synced = await get().graphql<{
        products: { nodes: { variants: { nodes: { id: string; shopifyId: string }[] } }[] };
      }>(
        '{ products(first: 1, sortKey: TITLE) { nodes { variants(first: 2) { nodes { id shopifyId } } } } }',
        {},
        admin,
      );
      [a, b] = synced.body.data!.products.nodes[0].variants.nodes;
      const made = await get().graphql<{ productCreate: { product: { variants: { nodes: { id: string }[] } } } }>(
        `mutation { productCreate(input: { title: "Local ${kind}", status: ACTIVE, variants: [{ price: "3.00" }] }) {
          product { variants(first: 1) { nodes { id } } } userErrors { code } } }`,
        {},
        admin,
      );
      local = made.body.data!.productCreate.product.variants.nodes[0].id;
    });

    it("mirrors each cart write to Shopify's cart and answers Shopify's checkout URL", async () => {
      const created = await newCart([{ merchandiseId: a.id, quantity: 2 }]);
      const row = await stored(created.id);
      const theirs = shopifyCart(row.external_cart_id!)!;
      expect(theirs).toBeDefined();
      expect(created.checkoutUrl).toBe(`https://acme.myshopify.com/cart/c/${theirs.token}?key=fake`);
      expect(row.checkout_url).toBe(created.checkoutUrl);
      expect(theirs.note).toBe('gift');
      expect(shopifyLines(theirs)).toEqual({ [a.shopifyId]: 2 });

      const added = await send<'cartLinesAdd'>(ADD, {
        cartId: created.id,
        lines: [{ merchandiseId: b.id, quantity: 1 }],
      });
      expect(added.data!.cartLinesAdd.userErrors).toEqual([]);
      expect(shopifyLines(shopifyCart(row.external_cart_id!))).toEqual({ [a.shopifyId]: 2, [b.shopifyId]: 1 });

      const lineA = await lineIdOf(created.id, a.id);
      const updated = await send<'cartLinesUpdate'>(UPDATE, {
        cartId: created.id,
        lines: [{ id: lineA, quantity: 3 }],
      });
      expect(updated.data!.cartLinesUpdate.userErrors).toEqual([]);
      expect(shopifyLines(shopifyCart(row.external_cart_id!))).toEqual({ [a.shopifyId]: 3, [b.shopifyId]: 1 });

      const lineB = await lineIdOf(created.id, b.id);
      const removed = await send<'cartLinesRemove'>(REMOVE, { cartId: created.id, lineIds: [lineB] });
      expect(removed.data!.cartLinesRemove.userErrors).toEqual([]);
      expect(removed.data!.cartLinesRemove.cart!.checkoutUrl).toBe(created.checkoutUrl);
      expect(shopifyLines(shopifyCart(row.external_cart_id!))).toEqual({ [a.shopifyId]: 3 });

      expect(
        (await send<'cartBuyerIdentityUpdate'>(BUYER, { cartId: created.id, email: 'ada@example.com' })).data,
      ).toMatchObject({ cartBuyerIdentityUpdate: { userErrors: [] } });
      expect((await send<'cartDeliveryAddressUpdate'>(ADDRESS, { cartId: created.id })).data).toMatchObject({
        cartDeliveryAddressUpdate: { userErrors: [] },
      });
      expect(
        (await send<'cartDiscountCodesUpdate'>(CODES, { cartId: created.id, codes: ['SAVE10'] })).data,
      ).toMatchObject({ cartDiscountCodesUpdate: { userErrors: [] } });
      const final = shopifyCart(row.external_cart_id!)!;
      expect(final.buyerIdentity).toEqual({
        email: 'ada@example.com',
        phone: null,
        countryCode: 'US',
        deliveryAddressPreferences: [
          expect.objectContaining({
            firstName: 'Ada',
            address1: '1 Main St',
            city: 'Los Angeles',
            province: 'CA',
            country: 'US',
          }),
        ],
      });
      expect(final.discountCodes).toEqual(['SAVE10']);
      // Our cart and Shopify's hold the same lines; a read sends nothing to Shopify.
      const calls = storefrontCalls();
      const ours = await read(created.id);
      expect(ours.lines.nodes.map((l) => [l.merchandise.id, l.quantity])).toEqual([[a.id, 3]]);
      expect(ours.checkoutUrl).toBe(created.checkoutUrl);
      expect(storefrontCalls()).toBe(calls);
      // Every call was a Storefront cart call with the Storefront token (nothing went to the Admin API).
      expect(
        h.fake.requests
          .filter((r) => r.path.startsWith('/api/'))
          .every((r) => r.rootFields.every((f) => STOREFRONT_ROOTS.has(f))),
      ).toBe(true);
      expect(h.fake.requests.filter((r) => r.path.startsWith('/api/')).some((r) => r.outcome === 'unauthorized')).toBe(
        false,
      );
    });

    it('refuses checkoutComplete, pointing the buyer to checkoutUrl; nothing is sent to Shopify', async () => {
      const cart = await newCart();
      const writes = shopifyWrites(h).length;
      const res = await get().graphql<{ checkoutComplete: { order: null; userErrors: UserErrors } }>(
        CHECKOUT,
        { cartId: cart.id },
        sf(),
      );
      expect(res.body.data!.checkoutComplete).toEqual({
        order: null,
        userErrors: [
          { field: ['cartId'], code: 'MANAGED_EXTERNALLY', message: expect.stringContaining('checkoutUrl') },
        ],
      });
      expect(shopifyWrites(h).length).toBe(writes);
    });

    it("refuses a product that is not Shopify's, on its line, with nothing changed here or there", async () => {
      const cart = await newCart();
      const row = await stored(cart.id);
      const before = shopifyLines(shopifyCart(row.external_cart_id!));
      const res = await send<'cartLinesAdd'>(ADD, { cartId: cart.id, lines: [{ merchandiseId: local, quantity: 1 }] });
      expect(res.data!.cartLinesAdd).toEqual({
        cart: expect.objectContaining({ lines: { nodes: [{ quantity: 1, merchandise: { id: a.id } }] } }),
        userErrors: [
          { field: ['lines', '0', 'merchandiseId'], code: 'MANAGED_EXTERNALLY', message: expect.any(String) },
        ],
      });
      expect(shopifyLines(shopifyCart(row.external_cart_id!))).toEqual(before);
      const carts = h.fake.store.carts.length;
      const made = await send<'cartCreate'>(CREATE, { lines: [{ merchandiseId: local, quantity: 1 }] });
      expect(made.data!.cartCreate).toEqual({
        cart: null,
        userErrors: [
          { field: ['input', 'lines', '0', 'merchandiseId'], code: 'MANAGED_EXTERNALLY', message: expect.any(String) },
        ],
      });
      expect(h.fake.store.carts.length).toBe(carts);
    });

    it("answers Shopify's refusal of a variant it no longer has as userErrors, and keeps our cart", async () => {
      const cart = await newCart();
      const product = h.fake.store.products.find((p) => p.variants.some((v) => v.id === b.shopifyId))!;
      const gone = product.variants.find((v) => v.id === b.shopifyId)!;
      product.variants = product.variants.filter((v) => v !== gone);
      try {
        const res = await send<'cartLinesAdd'>(ADD, { cartId: cart.id, lines: [{ merchandiseId: b.id, quantity: 1 }] });
        expect(res.data!.cartLinesAdd.userErrors).toEqual([
          {
            field: ['lines', '0', 'merchandiseId'],
            code: 'INVALID',
            message: expect.stringMatching(/^Shopify: .*does not exist/),
          },
        ]);
        expect((await read(cart.id)).lines.nodes.map((l) => l.merchandise.id)).toEqual([a.id]);
      } finally {
        product.variants.push(gone);
      }
    });

    it('answers UPSTREAM_UNAVAILABLE / UPSTREAM_THROTTLED when Shopify cannot take the write; our cart is unchanged', async () => {
      const cart = await newCart();
      const row = await stored(cart.id);
      const before = { ours: await read(cart.id), theirs: shopifyLines(shopifyCart(row.external_cart_id!)), row };
      const add = () => send<'cartLinesAdd'>(ADD, { cartId: cart.id, lines: [{ merchandiseId: b.id, quantity: 1 }] });

      h.fake.failNext(2, { kind: 'reset' }); // the read and its one retry
      const down = await add();
      expect(down.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', systemOfRecord: 'Shopify' });
      expect(down.errors?.[0].message).not.toMatch(/127\.0\.0\.1|myshopify|shpsf/);

      h.fake.failNext(1, { kind: 'delay', ms: 0 }); // the read answers
      h.fake.failNext(1, { kind: 'status', status: 429, retryAfter: '30' });
      const throttled = await add();
      expect(throttled.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_THROTTLED' });

      expect(await read(cart.id)).toEqual(before.ours);
      expect(await stored(cart.id)).toEqual(before.row);
      expect(shopifyLines(shopifyCart(row.external_cart_id!))).toEqual(before.theirs);
    });

    it("repairs Shopify's cart on the next write when our write failed after Shopify answered", async () => {
      const cart = await newCart();
      const row = await stored(cart.id);
      h.fake.failNext(1, { kind: 'delay', ms: 0 });
      h.fake.failNext(1, { kind: 'lost' }); // Shopify adds the line, its answer never arrives
      const lost = await send<'cartLinesAdd'>(ADD, { cartId: cart.id, lines: [{ merchandiseId: b.id, quantity: 2 }] });
      expect(lost.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      expect(shopifyLines(shopifyCart(row.external_cart_id!))).toEqual({ [a.shopifyId]: 1, [b.shopifyId]: 2 });
      expect((await read(cart.id)).lines.nodes.map((l) => l.quantity)).toEqual([1]);
      // The next write reads Shopify's cart first and sends what makes it equal to ours.
      const lineA = await lineIdOf(cart.id, a.id);
      const next = await send<'cartLinesUpdate'>(UPDATE, { cartId: cart.id, lines: [{ id: lineA, quantity: 2 }] });
      expect(next.data!.cartLinesUpdate.userErrors).toEqual([]);
      expect(shopifyLines(shopifyCart(row.external_cart_id!))).toEqual({ [a.shopifyId]: 2 });
    });

    it("creates a new Shopify cart when Shopify no longer has the cart's", async () => {
      const cart = await newCart();
      const row = await stored(cart.id);
      h.fake.store.carts = h.fake.store.carts.filter((c) => c.id !== row.external_cart_id);
      const res = await send<'cartLinesAdd'>(ADD, { cartId: cart.id, lines: [{ merchandiseId: b.id, quantity: 1 }] });
      expect(res.data!.cartLinesAdd.userErrors).toEqual([]);
      const now = await stored(cart.id);
      expect(now.external_cart_id).not.toBe(row.external_cart_id);
      expect(res.data!.cartLinesAdd.cart!.checkoutUrl).toBe(now.checkout_url);
      expect(shopifyLines(shopifyCart(now.external_cart_id!))).toEqual({ [a.shopifyId]: 1, [b.shopifyId]: 1 });
    });

    it("leaves the second tenant's carts ours: no Shopify call, no checkoutUrl, its data untouched", async () => {
      const calls = storefrontCalls();
      const beta = await get().graphql<{ products: { nodes: { variants: { nodes: { id: string }[] } }[] } }>(
        '{ products(first: 1) { nodes { variants(first: 1) { nodes { id } } } } }',
        {},
        get().storefront('beta'),
      );
      const variant = beta.body.data!.products.nodes[0]?.variants.nodes[0]?.id;
      const made = await send<'cartCreate'>(
        CREATE,
        { lines: variant ? [{ merchandiseId: variant, quantity: 1 }] : [] },
        'beta',
      );
      expect(made.data!.cartCreate.userErrors).toEqual([]);
      expect(made.data!.cartCreate.cart!.checkoutUrl).toBeNull();
      expect(storefrontCalls()).toBe(calls);
      expect(await tenantChecksum(runtime(), 'beta')).toBe(betaBefore);
    });
  },
);
