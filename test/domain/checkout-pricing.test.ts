import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { appendSettings } from './pricing-fixtures';
import { cartWith, createVariant, seedCartsDemo, SUITE } from './orders-fixtures';

const ADDRESS = `mutation($id: ID!, $address: MailingAddressInput!) { cartDeliveryAddressUpdate(cartId: $id, address: $address) { userErrors { field code } } }`;
const SELECT = `mutation($id: ID!, $handle: String!) { cartSelectedDeliveryOptionUpdate(cartId: $id, deliveryOptionHandle: $handle) { userErrors { field code } } }`;
const CODES = `mutation($id: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: $codes) { userErrors { field code } } }`;
const CART = `query($id: ID!) { cart(id: $id) {
  taxesIncluded requiresShipping
  deliveryOptions { handle estimatedCost { amount } }
  discountCodes { code applicable }
  cost { subtotalAmount { amount } totalShippingAmount { amount } totalTaxAmount { amount } totalDiscountAmount { amount } totalAmount { amount currencyCode } }
  lines { nodes { cost { totalAmount { amount } totalTaxAmount { amount } } discountAllocations { discountedAmount { amount } code } } } } }`;
const CHECKOUT = `mutation($id: ID!, $key: String!) { checkoutComplete(cartId: $id, idempotencyKey: $key) {
  order { subtotalPrice { amount } totalPrice { amount } totalShippingPrice { amount } totalTax { amount } totalDiscounts { amount }
    taxesIncluded shippingAddress { city countryCodeV2 provinceCode zip }
    shippingLines { handle title originalPrice { amount } discountedPrice { amount } taxAmount { amount } }
    taxLines { title ratePercentage amount { amount } }
    discountApplications { title code kind value allocatedAmount { amount } } }
  userErrors { field code } } }`;

// The fixture tenants as the demo ones: alpha in dollars with state sales tax added, beta in euros with VAT included.
const suite = {
  ...SUITE,
  tenantsDir: appendSettings(SUITE.tenantsDir, { beta: 'settings:\n  carts:\n    taxesIncluded: true\n' }),
};

async function walk(t: TestGateway, tenant: string, address: Record<string, string>, handle: string) {
  const mug = await createVariant(t, tenant, { price: '24.99', stock: [10] });
  const tea = await createVariant(t, tenant, { price: '9.90' });
  const storefront = t.storefront(tenant);
  const cart = await cartWith(t, tenant, [
    { merchandiseId: mug.variantGid, quantity: 2 },
    { merchandiseId: tea.variantGid, quantity: 1 },
  ]);
  const refused = await t.graphql<{ checkoutComplete: { userErrors: unknown } }>(
    CHECKOUT,
    { id: cart.id, key: `${tenant}-early` },
    storefront,
  );
  expect(refused.body.data!.checkoutComplete.userErrors).toEqual([
    { field: ['deliveryAddress'], code: 'DELIVERY_REQUIRED' },
  ]);
  const steps = [
    await t.graphql<Record<string, { userErrors: unknown[] }>>(ADDRESS, { id: cart.id, address }, storefront),
    await t.graphql<Record<string, { userErrors: unknown[] }>>(SELECT, { id: cart.id, handle }, storefront),
    await t.graphql<Record<string, { userErrors: unknown[] }>>(
      CODES,
      { id: cart.id, codes: ['welcome10'] },
      storefront,
    ),
  ];
  for (const step of steps) expect(Object.values(step.body.data!)[0].userErrors).toEqual([]);
  const read = await t.graphql<{ cart: unknown }>(CART, { id: cart.id }, storefront);
  const placed = await t.graphql<{ checkoutComplete: { order: unknown; userErrors: unknown[] } }>(
    CHECKOUT,
    { id: cart.id, key: `${tenant}-walk` },
    storefront,
  );
  expect(placed.body.data!.checkoutComplete.userErrors).toEqual([]);
  return { cart: read.body.data!.cart, order: placed.body.data!.checkoutComplete.order };
}

describeEachDatabase('checkout pricing, end to end on the demo setup', suite, (get) => {
  beforeAll(async () => {
    const t = get();
    await seedCartsDemo(t);
  });

  it('dollars, tax added: Texas sales tax per line, WELCOME10, standard shipping', async () => {
    const { cart, order } = await walk(
      get(),
      'alpha',
      { country: 'US', province: 'TX', zip: '73301', address1: '1 Congress Ave', city: 'Austin' },
      'standard',
    );
    // 59.88 subtotal; 10 % = 5.99 (5.00 + 0.99); lines 44.98 and 8.91 taxed 6.25 %: 2.81 + 0.56; shipping 5.00 untaxed.
    expect(cart).toEqual({
      taxesIncluded: false,
      requiresShipping: true,
      deliveryOptions: [
        { handle: 'standard', estimatedCost: { amount: '5.00' } },
        { handle: 'express', estimatedCost: { amount: '15.00' } },
      ],
      discountCodes: [{ code: 'welcome10', applicable: true }],
      cost: {
        subtotalAmount: { amount: '59.88' },
        totalShippingAmount: { amount: '5.00' },
        totalTaxAmount: { amount: '3.37' },
        totalDiscountAmount: { amount: '5.99' },
        totalAmount: { amount: '62.26', currencyCode: 'USD' },
      },
      lines: {
        nodes: [
          {
            cost: { totalAmount: { amount: '44.98' }, totalTaxAmount: { amount: '2.81' } },
            discountAllocations: [{ discountedAmount: { amount: '5.00' }, code: 'WELCOME10' }],
          },
          {
            cost: { totalAmount: { amount: '8.91' }, totalTaxAmount: { amount: '0.56' } },
            discountAllocations: [{ discountedAmount: { amount: '0.99' }, code: 'WELCOME10' }],
          },
        ],
      },
    });
    expect(order).toEqual({
      subtotalPrice: { amount: '59.88' },
      totalPrice: { amount: '62.26' },
      totalShippingPrice: { amount: '5.00' },
      totalTax: { amount: '3.37' },
      totalDiscounts: { amount: '5.99' },
      taxesIncluded: false,
      shippingAddress: { city: 'Austin', countryCodeV2: 'US', provinceCode: 'TX', zip: '73301' },
      shippingLines: [
        {
          handle: 'standard',
          title: 'Standard',
          originalPrice: { amount: '5.00' },
          discountedPrice: { amount: '5.00' },
          taxAmount: { amount: '0.00' },
        },
      ],
      taxLines: [{ title: 'Texas State Tax', ratePercentage: '6.25', amount: { amount: '3.37' } }],
      discountApplications: [
        {
          title: 'Welcome: 10 % off',
          code: 'WELCOME10',
          kind: 'PERCENTAGE',
          value: '10.0000',
          allocatedAmount: { amount: '5.99' },
        },
      ],
    });
  });

  it('euros, VAT included: the worked example of docs/domain-checkout.md', async () => {
    const { cart, order } = await walk(
      get(),
      'beta',
      { country: 'DE', zip: '10115', address1: 'Unter den Linden 1', city: 'Berlin' },
      'standard',
    );
    // 59.88 gross, above 50: DHL standard is free; WELCOME10 5.99; VAT inside 53.89: 7.18 + 1.42.
    expect((cart as { cost: unknown }).cost).toEqual({
      subtotalAmount: { amount: '59.88' },
      totalShippingAmount: { amount: '0.00' },
      totalTaxAmount: { amount: '8.60' },
      totalDiscountAmount: { amount: '5.99' },
      totalAmount: { amount: '53.89', currencyCode: 'EUR' },
    });
    expect(order).toMatchObject({
      subtotalPrice: { amount: '59.88' },
      totalPrice: { amount: '53.89' },
      totalTax: { amount: '8.60' },
      taxesIncluded: true,
      taxLines: [{ title: 'MwSt', ratePercentage: '19', amount: { amount: '8.60' } }],
    });
  });
});
