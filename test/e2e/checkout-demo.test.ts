import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPlugins } from '../../src/engine/seed';
import { projectRoot } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { TEST_SECRETS, type TestGateway } from '../kit/gateway';

/**
 * The shipped demo tenants (tenants/acme.yaml, tenants/demo.yaml) as they are, with the test secrets
 * and without the plugins that need outside services (webhooks, payments); acme's rate bucket raised.
 */
function demoTenants(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-demo-tenants-'));
  for (const [id, as] of [
    ['acme', 'ALPHA'],
    ['demo', 'BETA'],
  ]) {
    const text = readFileSync(join(projectRoot(), 'tenants', `${id}.yaml`), 'utf8')
      .replace(/^plugins:.*$/m, 'plugins: [catalog, inventory, customers, carts, orders]')
      .replace(/tokenEnv: \w+/, `tokenEnv: TEST_${as}_STOREFRONT_TOKEN`)
      .replace(/hs256SecretEnv: \w+/, `hs256SecretEnv: TEST_${as}_JWT_SECRET`);
    // A test's requests come in a burst: a rate bucket that holds them (query cost stays as shipped).
    const limited = /rateBucketSize/.test(text)
      ? text
      : text.replace(/^limits:\n/m, 'limits:\n  rateBucketSize: 100000\n  rateRestorePerSecond: 10000\n');
    writeFileSync(join(dir, `${id}.yaml`), limited);
  }
  return dir;
}

const STOREFRONT = {
  acme: { 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN },
  demo: { 'x-storefront-token': TEST_SECRETS.TEST_BETA_STOREFRONT_TOKEN },
};

const VARIANTS = `query($handle: String!) { product(handle: $handle) { variants(first: 3) { nodes { id price { amount } } } } }`;
const CREATE = `mutation($lines: [CartLineInput!]!) { cartCreate(input: { lines: $lines }) { cart { id } userErrors { code } } }`;
const ADDRESS = `mutation($id: ID!, $address: MailingAddressInput!) { cartDeliveryAddressUpdate(cartId: $id, address: $address) {
  cart { deliveryOptions { handle title estimatedCost { amount } minDeliveryDays maxDeliveryDays } } userErrors { field code } } }`;
const SELECT = `mutation($id: ID!) { cartSelectedDeliveryOptionUpdate(cartId: $id, deliveryOptionHandle: "standard") { userErrors { code } } }`;
const CODES = `mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["WELCOME10"]) {
  cart { discountCodes { code applicable reason } } userErrors { code } } }`;
const COST = `query($id: ID!) { cart(id: $id) { taxesIncluded
  cost { subtotalAmount { amount } totalShippingAmount { amount } totalTaxAmount { amount } totalDiscountAmount { amount } totalAmount { amount currencyCode } }
  lines { nodes { cost { subtotalAmount { amount } totalAmount { amount } totalTaxAmount { amount } } discountAllocations { discountedAmount { amount } code } } } } }`;
const CHECKOUT = `mutation($id: ID!, $key: String!) { checkoutComplete(cartId: $id, idempotencyKey: $key, email: "walker@example.com") {
  order { subtotalPrice { amount } totalPrice { amount currencyCode } totalShippingPrice { amount } totalTax { amount } totalDiscounts { amount }
    taxesIncluded shippingLines { handle originalPrice { amount } discountedPrice { amount } taxAmount { amount } }
    taxLines { title ratePercentage amount { amount } } discountApplications { code allocatedAmount { amount } } }
  userErrors { field code } } }`;

type Data = Record<string, { userErrors?: unknown[] } & Record<string, unknown>>;

/** The README's walk-through: two demo products, an address, the standard option, WELCOME10, the cost, checkout. */
async function walk(t: TestGateway, tenant: 'acme' | 'demo', address: Record<string, string>) {
  const auth = STOREFRONT[tenant];
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.graphql<Data>(query, variables, auth);
    expect(res.body.errors).toBeUndefined();
    const [payload] = Object.values(res.body.data!);
    if (payload && 'userErrors' in payload) expect(payload.userErrors).toEqual([]);
    return payload;
  };
  const variantOf = async (handle: string) =>
    (
      (await ask(VARIANTS, { handle })) as unknown as {
        variants: { nodes: { id: string; price: { amount: string } }[] };
      }
    ).variants.nodes[0];
  // Demo products 0 and 1: 10.00 and 47.00 (connectors/catalog/seed-demo-data.ts).
  const jacket = await variantOf('alpine-jacket-1');
  const other = await variantOf('coastal-jacket-1');
  expect([jacket.price.amount, other.price.amount]).toEqual(['10.00', '47.00']);
  const created = (await ask(CREATE, {
    lines: [
      { merchandiseId: jacket.id, quantity: 2 },
      { merchandiseId: other.id, quantity: 1 },
    ],
  })) as unknown as { cart: { id: string } };
  const id = created.cart.id;
  const options = ((await ask(ADDRESS, { id, address })) as unknown as { cart: { deliveryOptions: unknown[] } }).cart
    .deliveryOptions;
  await ask(SELECT, { id });
  const codes = ((await ask(CODES, { id })) as unknown as { cart: { discountCodes: unknown } }).cart.discountCodes;
  expect(codes).toEqual([{ code: 'WELCOME10', applicable: true, reason: null }]);
  const cart = await ask(COST, { id });
  const placed = (await ask(CHECKOUT, { id, key: `walk-${tenant}` })) as unknown as { order: unknown };
  return { options, cart, order: placed.order };
}

describeEachDatabase(
  'checkout walk-through on the demo tenants',
  { plugins: ['core', 'catalog', 'inventory', 'customers', 'orders', 'carts'], tenantsDir: demoTenants() },
  (get) => {
    beforeAll(async () => {
      const t = get();
      await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
    }, 300_000);

    it('acme (EUR, 19 % VAT included): free DHL Paket above 50, WELCOME10, VAT taken out per line', async () => {
      const { options, cart, order } = await walk(get(), 'acme', {
        address1: 'Unter den Linden 1',
        city: 'Berlin',
        zip: '10117',
        country: 'DE',
      });
      expect(options).toEqual([
        {
          handle: 'standard',
          title: 'DHL Paket',
          estimatedCost: { amount: '0.00' },
          minDeliveryDays: 2,
          maxDeliveryDays: 3,
        },
        {
          handle: 'express',
          title: 'DHL Express',
          estimatedCost: { amount: '9.90' },
          minDeliveryDays: 1,
          maxDeliveryDays: 1,
        },
      ]);
      // 67.00; 10 % = 6.70 (2.00 + 4.70); VAT inside 18.00 and 42.30: 2.87 + 6.75 = 9.62; 67.00 − 6.70 + 0.00 = 60.30.
      expect(cart).toEqual({
        taxesIncluded: true,
        cost: {
          subtotalAmount: { amount: '67.00' },
          totalShippingAmount: { amount: '0.00' },
          totalTaxAmount: { amount: '9.62' },
          totalDiscountAmount: { amount: '6.70' },
          totalAmount: { amount: '60.30', currencyCode: 'EUR' },
        },
        lines: {
          nodes: [
            {
              cost: {
                subtotalAmount: { amount: '20.00' },
                totalAmount: { amount: '18.00' },
                totalTaxAmount: { amount: '2.87' },
              },
              discountAllocations: [{ discountedAmount: { amount: '2.00' }, code: 'WELCOME10' }],
            },
            {
              cost: {
                subtotalAmount: { amount: '47.00' },
                totalAmount: { amount: '42.30' },
                totalTaxAmount: { amount: '6.75' },
              },
              discountAllocations: [{ discountedAmount: { amount: '4.70' }, code: 'WELCOME10' }],
            },
          ],
        },
      });
      expect(order).toEqual({
        subtotalPrice: { amount: '67.00' },
        totalPrice: { amount: '60.30', currencyCode: 'EUR' },
        totalShippingPrice: { amount: '0.00' },
        totalTax: { amount: '9.62' },
        totalDiscounts: { amount: '6.70' },
        taxesIncluded: true,
        shippingLines: [
          {
            handle: 'standard',
            originalPrice: { amount: '0.00' },
            discountedPrice: { amount: '0.00' },
            taxAmount: { amount: '0.00' },
          },
        ],
        taxLines: [{ title: 'MwSt', ratePercentage: '19', amount: { amount: '9.62' } }],
        discountApplications: [{ code: 'WELCOME10', allocatedAmount: { amount: '6.70' } }],
      });
    });

    it('demo (USD, Texas sales tax added): standard shipping below 75, WELCOME10, tax added per line', async () => {
      const { options, cart, order } = await walk(get(), 'demo', {
        address1: '1 Congress Ave',
        city: 'Austin',
        province: 'TX',
        zip: '73301',
        country: 'US',
      });
      expect(options).toEqual([
        {
          handle: 'standard',
          title: 'Standard',
          estimatedCost: { amount: '5.00' },
          minDeliveryDays: 3,
          maxDeliveryDays: 5,
        },
        {
          handle: 'express',
          title: 'Express',
          estimatedCost: { amount: '15.00' },
          minDeliveryDays: 1,
          maxDeliveryDays: 2,
        },
      ]);
      // 67.00; 10 % = 6.70 (2.00 + 4.70); 6.25 % of 18.00 = 1.125 → 1.13, of 42.30 = 2.64375 → 2.64;
      // 67.00 − 6.70 + 5.00 + 3.77 = 69.07.
      expect(cart).toEqual({
        taxesIncluded: false,
        cost: {
          subtotalAmount: { amount: '67.00' },
          totalShippingAmount: { amount: '5.00' },
          totalTaxAmount: { amount: '3.77' },
          totalDiscountAmount: { amount: '6.70' },
          totalAmount: { amount: '69.07', currencyCode: 'USD' },
        },
        lines: {
          nodes: [
            {
              cost: {
                subtotalAmount: { amount: '20.00' },
                totalAmount: { amount: '18.00' },
                totalTaxAmount: { amount: '1.13' },
              },
              discountAllocations: [{ discountedAmount: { amount: '2.00' }, code: 'WELCOME10' }],
            },
            {
              cost: {
                subtotalAmount: { amount: '47.00' },
                totalAmount: { amount: '42.30' },
                totalTaxAmount: { amount: '2.64' },
              },
              discountAllocations: [{ discountedAmount: { amount: '4.70' }, code: 'WELCOME10' }],
            },
          ],
        },
      });
      expect(order).toEqual({
        subtotalPrice: { amount: '67.00' },
        totalPrice: { amount: '69.07', currencyCode: 'USD' },
        totalShippingPrice: { amount: '5.00' },
        totalTax: { amount: '3.77' },
        totalDiscounts: { amount: '6.70' },
        taxesIncluded: false,
        shippingLines: [
          {
            handle: 'standard',
            originalPrice: { amount: '5.00' },
            discountedPrice: { amount: '5.00' },
            taxAmount: { amount: '0.00' },
          },
        ],
        taxLines: [{ title: 'Texas State Tax', ratePercentage: '6.25', amount: { amount: '3.77' } }],
        discountApplications: [{ code: 'WELCOME10', allocatedAmount: { amount: '6.70' } }],
      });
    });
  },
);
