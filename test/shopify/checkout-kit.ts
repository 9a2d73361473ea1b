import type { ShopifyHarness } from '../fake-shopify/harness';
import type { Auth, TestGateway } from '../kit/gateway';
import { shopifyWrites } from './writes-kit';

export type UserErrors = { field: string[]; code: string; message: string }[];
export type Checkout = { checkoutComplete: { order: { id: string } | null; userErrors: UserErrors } };
export const CHECKOUT = `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key, email: "buyer@example.com") {
  order { id } userErrors { field code message } } }`;

/** The `orderCreate` calls the fake shop has received. */
export const orderCreates = (h: ShopifyHarness) =>
  shopifyWrites(h).filter((r) => r.rootFields.includes('orderCreate')).length;

const CART = `mutation($lines: [CartLineInput!]!) { cartCreate(input: { lines: $lines }) { cart { id } userErrors { code } } }`;
const ADDRESS = `mutation($cartId: ID!, $address: MailingAddressInput!) { cartDeliveryAddressUpdate(cartId: $cartId, address: $address) { userErrors { code } } }`;
const SELECT = `mutation($cartId: ID!) { cartSelectedDeliveryOptionUpdate(cartId: $cartId, deliveryOptionHandle: "standard") { userErrors { code } } }`;

/** A US zone with a 5.00 rate and California's 7.25% tax (shipping taxed too), once per gateway. */
export async function setUpDelivery(t: TestGateway) {
  const admin = await t.admin('alpha');
  const zone = await t.graphql<{ shippingZoneCreate: { userErrors: UserErrors } }>(
    `mutation { shippingZoneCreate(input: { name: "US", regions: ["US"], rates: [{ handle: "standard", title: "Standard", price: "5.00" }] }) { userErrors { field code message } } }`,
    {},
    admin,
  );
  expect(zone.body.data!.shippingZoneCreate.userErrors).toEqual([]);
  const tax = await t.graphql<{ taxRateCreate: { userErrors: UserErrors } }>(
    `mutation { taxRateCreate(input: { countryCode: "US", provinceCode: "CA", title: "California", ratePercentage: "7.25", appliesToShipping: true }) { userErrors { field code message } } }`,
    {},
    admin,
  );
  expect(tax.body.data!.taxRateCreate.userErrors).toEqual([]);
}

/**
 * A cart of `quantity` of the variant, delivered to California by the standard rate: a guest's, or the
 * signed-in shopper's of `sf`.
 */
export async function cartOf(
  t: TestGateway,
  variant: string,
  quantity = 2,
  sf: Auth = t.storefront('alpha'),
): Promise<string> {
  const made = await t.graphql<{ cartCreate: { cart: { id: string } } }>(
    CART,
    { lines: [{ merchandiseId: variant, quantity }] },
    sf,
  );
  expect(made.body.errors).toBeUndefined();
  if (!made.body.data!.cartCreate.cart) throw new Error(JSON.stringify(made.body.data));
  const cartId = made.body.data!.cartCreate.cart.id;
  const address = { address1: '1 Main St', city: 'Los Angeles', province: 'CA', zip: '90001', country: 'US' };
  const a = await t.graphql<{ cartDeliveryAddressUpdate: { userErrors: UserErrors } }>(
    ADDRESS,
    { cartId, address },
    sf,
  );
  expect(a.body.data!.cartDeliveryAddressUpdate.userErrors).toEqual([]);
  const s = await t.graphql<{ cartSelectedDeliveryOptionUpdate: { userErrors: UserErrors } }>(SELECT, { cartId }, sf);
  expect(s.body.data!.cartSelectedDeliveryOptionUpdate.userErrors).toEqual([]);
  return cartId;
}
