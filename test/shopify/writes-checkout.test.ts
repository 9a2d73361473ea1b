import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { hour } from '../fake-shopify';
import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import { cartTokenOf } from '../../resolvers/carts/cart-id';
import { SHOPIFY_PLUGINS, shopifyTenants, syncDeps, tenantChecksum, tenantOf } from './kit';
import { CHECKOUT, cartOf, orderCreates, setUpDelivery, type Checkout } from './checkout-kit';
import { syncAlpha, type SyncedIds } from './writes-kit';

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

jest.setTimeout(120_000);

/** Write-through tenants; alpha's storefront checkouts take at most 3 of an item. */
function limitedTenants(): string {
  const dir = shopifyTenants(['writes: write-through']);
  appendFileSync(join(dir, 'alpha.yaml'), '  carts:\n    checkout:\n      maxLineQuantity: 3\n');
  return dir;
}

describeEachDatabase(
  'shopify write-through: storefront checkout creates the order in Shopify',
  { plugins: SHOPIFY_PLUGINS, tenantsDir: limitedTenants() },
  (get, kind) => {
    let ids: SyncedIds;
    let betaBefore: string;
    const runtime = () => get().gateway.runtime;
    const checkout = async (cartId: string, key: string) => {
      // Syncs spend the bucket on the virtual clock; checkouts wait in real time, which does not refill it.
      h.fake.bucket.set(h.fake.bucket.max);
      const body = (await get().graphql<Checkout>(CHECKOUT, { cartId, key }, get().storefront('alpha'))).body;
      if (process.env.DEBUG_CHECKOUT) console.log(JSON.stringify(body));
      return body;
    };
    const localStock = async () =>
      runtime().withTenant('alpha', async (trx) => {
        const { rows } = await sql<{ n: string }>`select coalesce(sum(available), 0)::text as n from inventory_levels
          where tenant_id = 'alpha'`.execute(trx);
        return rows[0].n;
      });
    const cartStatus = (cartToken: string) =>
      runtime().withTenant('alpha', async (trx) => {
        const { rows } = await sql<{ status: string }>`select status from carts where tenant_id = 'alpha'
          and id = ${cartTokenOf(cartToken)}`.execute(trx);
        return rows[0]?.status;
      });

    /** The order's Shopify id, as staff read it. */
    const shopifyIdOf = async (order: { id: string } | null) =>
      (
        await get().graphql<{ node: { shopifyId: string | null } }>(
          'query($id: ID!) { node(id: $id) { ... on Order { shopifyId } } }',
          { id: order!.id },
          await get().admin('alpha'),
        )
      ).body.data!.node.shopifyId;

    beforeAll(async () => {
      for (const plugin of get().gateway.composition.plugins)
        await plugin.seed?.(runtime(), { profile: 'demo', tenants: [tenantOf(runtime(), 'beta')] });
      betaBefore = await tenantChecksum(runtime(), 'beta');
      ids = await syncAlpha(get(), h);
      h.clock.advance(Math.max(0, 200 * 3600_000 - (h.clock.now() - Date.parse(hour(0)))));
      await setUpDelivery(get());
    });

    it('creates the order in Shopify with lines, buyer, address, shipping and taxes; ours keeps its id', async () => {
      const cartId = await cartOf(get(), ids.variant);
      const stockBefore = await localStock();
      const creates = orderCreates(h);
      const res = await checkout(cartId, `k1-${kind}`);
      expect(res.errors).toBeUndefined();
      const { order, userErrors } = res.data!.checkoutComplete;
      expect(userErrors).toEqual([]);
      expect(orderCreates(h)).toBe(creates + 1);
      const shopifyId = await shopifyIdOf(order);
      const made = h.fake.store.orders.find((o) => o.id === shopifyId)!;
      expect(made).toBeDefined();
      expect(made.created).toMatchObject({
        email: 'buyer@example.com',
        currency: 'USD',
        financialStatus: 'PENDING',
        sourceIdentifier: `k1-${kind}`,
        lineItems: [
          {
            variantId: 'gid://shopify/ProductVariant/101',
            quantity: 2,
            priceSet: { shopMoney: { amount: '10.00', currencyCode: 'USD' } },
            taxLines: [{ title: 'California', rate: '0.0725', priceSet: { shopMoney: { amount: '1.45' } } }],
          },
        ],
        shippingAddress: { city: 'Los Angeles', provinceCode: 'CA', countryCode: 'US' },
        shippingLines: [
          {
            title: 'Standard',
            code: 'standard',
            priceSet: { shopMoney: { amount: '5.00' } },
            taxLines: [{ rate: '0.0725', priceSet: { shopMoney: { amount: '0.36' } } }],
          },
        ],
      });
      // 20.00 + 1.45 tax + 5.00 shipping + 0.36 tax
      expect(made.totalPrice).toBe('26.81');
      // Shopify owns the stock: it decremented its own; nothing was reserved here.
      expect(
        h.fake.store.inventoryLevels.find((l) => l.inventoryItemId === 'gid://shopify/InventoryItem/101')!.quantities
          .available,
      ).toBeLessThan(5);
      expect(await localStock()).toBe(stockBefore);
      expect(await cartStatus(cartId)).toBe('COMPLETED');
      // The same key again: the same order, Shopify not called.
      const again = await checkout(cartId, `k1-${kind}`);
      expect(again.data!.checkoutComplete.order!.id).toBe(order!.id);
      expect(orderCreates(h)).toBe(creates + 1);
      const other = await checkout(cartId, `k1-other-${kind}`);
      expect(other.data!.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['ALREADY_COMPLETED']);
    });

    it("answers Shopify's refusal as userErrors and keeps the cart open", async () => {
      const cartId = await cartOf(get(), ids.variant, 1);
      // Shopify's stock ran out meanwhile (its webhook has not arrived).
      const levels = h.fake.store.inventoryLevels.filter(
        (l) => l.inventoryItemId === 'gid://shopify/InventoryItem/101',
      );
      const kept = levels.map((l) => l.quantities.available);
      for (const l of levels) l.quantities.available = 0;
      const before = await tenantChecksum(runtime(), 'alpha');
      const res = await checkout(cartId, `short-${kind}`);
      expect(res.data!.checkoutComplete).toEqual({
        order: null,
        userErrors: [
          { field: ['lines', '0', 'quantity'], code: 'NOT_ENOUGH_STOCK', message: 'Shopify: Not enough inventory' },
        ],
      });
      expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
      expect(await cartStatus(cartId)).toBe('ACTIVE');
      levels.forEach((l, i) => (l.quantities.available = kept[i]));
    });

    it("holds a Shopify checkout to the shop's checkout limits before anything reaches Shopify", async () => {
      // The cart mutations refuse 4 of an item; this cart was filled before the shop lowered its limit.
      const cartId = await cartOf(get(), ids.variant, 3);
      await runtime().withTenant('alpha', (trx) =>
        sql`update cart_lines set quantity = 4 where tenant_id = 'alpha' and cart_id = ${cartTokenOf(cartId)}`.execute(
          trx,
        ),
      );
      const before = await tenantChecksum(runtime(), 'alpha');
      const sent = orderCreates(h);
      const res = await checkout(cartId, `limit-${kind}`);
      expect(res.data!.checkoutComplete).toEqual({
        order: null,
        userErrors: [
          { field: ['lines', '0', 'quantity'], code: 'MAXIMUM_EXCEEDED', message: 'At most 3 of an item per checkout' },
        ],
      });
      expect(orderCreates(h)).toBe(sent);
      expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
      expect(await cartStatus(cartId)).toBe('ACTIVE');
    });

    it('answers UPSTREAM_UNAVAILABLE / UPSTREAM_THROTTLED with nothing written; the retry goes through', async () => {
      const cartId = await cartOf(get(), ids.variant, 1);
      const orders = h.fake.store.orders.length;
      for (const [fault, code] of [
        [{ kind: 'status', status: 503 }, 'UPSTREAM_UNAVAILABLE'],
        [{ kind: 'status', status: 429, retryAfter: '30' }, 'UPSTREAM_THROTTLED'],
      ] as const) {
        const before = await tenantChecksum(runtime(), 'alpha');
        h.fake.failNext(1, fault);
        const res = await checkout(cartId, `down-${kind}`);
        expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.systemOfRecord])).toEqual([[code, 'Shopify']]);
        expect(await tenantChecksum(runtime(), 'alpha')).toBe(before);
        expect(await cartStatus(cartId)).toBe('ACTIVE');
      }
      expect(h.fake.store.orders.length).toBe(orders);
      const ok = await checkout(cartId, `down-${kind}`);
      expect(ok.data!.checkoutComplete.userErrors).toEqual([]);
      expect(h.fake.store.orders.length).toBe(orders + 1);
    });

    it('never makes a second Shopify order after a lost answer', async () => {
      const cartId = await cartOf(get(), ids.variant, 1);
      const orders = h.fake.store.orders.length;
      // Shopify makes the order but its answer is lost, and the lookup that follows fails too.
      h.fake.failNext(1, { kind: 'lost' });
      h.fake.failNext(1, { kind: 'status', status: 503 });
      const lost = await checkout(cartId, `lost-${kind}`);
      expect(lost.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(h.fake.store.orders.length).toBe(orders + 1);
      expect(await cartStatus(cartId)).toBe('ACTIVE');
      // The retry finds Shopify's order by the cart and completes the cart with it.
      const creates = orderCreates(h);
      const retried = await checkout(cartId, `lost-${kind}`);
      expect(retried.data!.checkoutComplete.userErrors).toEqual([]);
      expect(await shopifyIdOf(retried.data!.checkoutComplete.order)).toBe(h.fake.store.orders[orders].id);
      expect(orderCreates(h)).toBe(creates);
      expect(h.fake.store.orders.length).toBe(orders + 1);
      expect(await cartStatus(cartId)).toBe('COMPLETED');
    });

    it('repairs by webhook or sync when the local write fails after Shopify made the order', async () => {
      const cartId = await cartOf(get(), ids.variant, 1);
      const orders = h.fake.store.orders.length;
      const db = runtime().db;
      await sql`create or replace function refuse_pricing() returns trigger language plpgsql as $$
        begin raise exception 'local write failed'; end $$`.execute(db);
      await sql`create trigger refuse_pricing before insert on order_pricing for each row execute function refuse_pricing()`.execute(
        db,
      );
      try {
        const failed = await checkout(cartId, `boom-${kind}`);
        expect(failed.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      } finally {
        await sql`drop trigger refuse_pricing on order_pricing`.execute(db);
        await sql`drop function refuse_pricing()`.execute(db);
      }
      expect(h.fake.store.orders.length).toBe(orders + 1);
      const shopifyId = h.fake.store.orders[orders].id;
      const local = () =>
        runtime().withTenant('alpha', async (trx) => {
          const { rows } = await sql<{ n: string }>`select count(*)::text as n from orders where tenant_id = 'alpha'
            and source = 'shopify' and external_id = ${shopifyId}`.execute(trx);
          return rows[0].n;
        });
      expect(await local()).toBe('0');
      // The incremental sync (as the orders/create webhook would) writes our copy.
      const alpha = tenantOf(runtime(), 'alpha');
      await requestSync(runtime(), alpha, 'incremental', 'test');
      expect(await runNextSync(runtime(), alpha, syncDeps(h))).toMatchObject({ ok: true });
      h.fake.bucket.set(h.fake.bucket.max);
      expect(await local()).toBe('1');
      // The buyer's retry completes the cart with that order; Shopify makes no other.
      const creates = orderCreates(h);
      const retried = await checkout(cartId, `boom-${kind}`);
      expect(await shopifyIdOf(retried.data!.checkoutComplete.order)).toBe(shopifyId);
      expect(orderCreates(h)).toBe(creates);
      expect(await local()).toBe('1');
      expect(await cartStatus(cartId)).toBe('COMPLETED');
    });

    if (kind === 'postgres') {
      it('makes one Shopify order for two concurrent completes of one cart', async () => {
        const cartId = await cartOf(get(), ids.variant, 1);
        const orders = h.fake.store.orders.length;
        h.fake.failNext(1, { kind: 'delay', ms: 300 });
        const [a, b] = await Promise.all([checkout(cartId, `race-a`), checkout(cartId, `race-b`)]);
        expect(h.fake.store.orders.length).toBe(orders + 1);
        const answers = [a, b].map((r) => r.data!.checkoutComplete);
        const placed = answers.filter((x) => x.order);
        expect(placed).toHaveLength(1);
        expect(answers.filter((x) => !x.order).flatMap((x) => x.userErrors.map((e) => e.code))[0]).toMatch(
          /NOT_ALLOWED|ALREADY_COMPLETED/,
        );
        expect(await cartStatus(cartId)).toBe('COMPLETED');
      });
    }

    it("leaves the second tenant's data untouched", async () => {
      expect(await tenantChecksum(runtime(), 'beta')).toBe(betaBefore);
    });
  },
);
