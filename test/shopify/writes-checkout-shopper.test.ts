import { sql } from 'kysely';
import { hour } from '../fake-shopify';
import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { shopperAuth } from '../tenancy/shopper-auth';
import { cartTokenOf } from '../../resolvers/carts/cart-id';
import { CHECKOUT, cartOf, orderCreates, setUpDelivery, type Checkout } from './checkout-kit';
import { SHOPIFY_PLUGINS, shopifyTenants } from './kit';
import { syncAlpha, type SyncedIds } from './writes-kit';

let h: ShopifyHarness;
beforeAll(async () => {
  h = await startShopifyHarness();
});
afterAll(async () => {
  await h.close();
});

jest.setTimeout(120_000);

/**
 * A signed-in shopper's checkout on a tenant whose shop takes its checkouts (write-through): the cart
 * is read, and the shopper verified, on the plugin's own connection, so the embedded database's
 * single connection is never asked for twice.
 */
describeEachDatabase(
  "shopify write-through: a signed-in shopper's checkout",
  { plugins: SHOPIFY_PLUGINS, tenantsDir: shopifyTenants(['writes: write-through']) },
  (get, kind) => {
    let ids: SyncedIds;
    let shopper: Auth;
    let otherShopper: Auth;
    const runtime = () => get().gateway.runtime;
    const checkout = async (cartId: string, key: string, auth: Auth) => {
      // Syncs spend the bucket on the virtual clock; checkouts wait in real time, which does not refill it.
      h.fake.bucket.set(h.fake.bucket.max);
      return (await get().graphql<Checkout>(CHECKOUT, { cartId, key }, auth)).body;
    };
    const cartStatus = (cartId: string) =>
      runtime().withTenant('alpha', async (trx) => {
        const { rows } = await sql<{ status: string }>`select status from carts where tenant_id = 'alpha'
          and id = ${cartTokenOf(cartId)}`.execute(trx);
        return rows[0]?.status;
      });

    beforeAll(async () => {
      ids = await syncAlpha(get(), h);
      h.clock.advance(Math.max(0, 200 * 3600_000 - (h.clock.now() - Date.parse(hour(0)))));
      await setUpDelivery(get());
      [shopper] = await shopperAuth(get(), 'alpha');
      [otherShopper] = await shopperAuth(get(), 'alpha', 1);
    });

    it("places the shopper's order in Shopify; their cart checks out for them only", async () => {
      const cartId = await cartOf(get(), ids.variant, 1, shopper);
      const creates = orderCreates(h);

      // A guest's or another shopper's checkout finds no such cart, and Shopify is not called.
      for (const [caller, auth] of [
        ['guest', get().storefront('alpha')],
        ['other', otherShopper],
      ] as const) {
        const refused = await checkout(cartId, `shopper-${caller}-${kind}`, auth);
        expect(refused.errors).toBeUndefined();
        expect(refused.data!.checkoutComplete.userErrors).toEqual([
          { field: ['cartId'], code: 'NOT_FOUND', message: 'Cart not found' },
        ]);
      }
      expect(orderCreates(h)).toBe(creates);

      const res = await checkout(cartId, `shopper-${kind}`, shopper);
      expect(res.errors).toBeUndefined();
      expect(res.data!.checkoutComplete.userErrors).toEqual([]);
      expect(res.data!.checkoutComplete.order).not.toBeNull();
      expect(orderCreates(h)).toBe(creates + 1);
      expect(await cartStatus(cartId)).toBe('COMPLETED');
    });
  },
);
