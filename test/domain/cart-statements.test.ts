import { sql } from 'kysely';
import { describeEachDatabase, readFraming, stampTenant } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { cartWith, createVariant, seedCartsDemo, SUITE } from './orders-fixtures';

const ADDRESS = `mutation($id: ID!, $address: MailingAddressInput!) { cartDeliveryAddressUpdate(cartId: $id, address: $address) { userErrors { code } } }`;
const SELECT = `mutation($id: ID!) { cartSelectedDeliveryOptionUpdate(cartId: $id, deliveryOptionHandle: "standard") { userErrors { code } } }`;
const CODES = `mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["WELCOME10", "FIRSTORDER", "NOPE"]) { userErrors { code } } }`;

/** The cart read ever deeper: each level adds fields, the lines' merchandise and its product last. */
const DEPTHS: [name: string, selection: string][] = [
  ['the cart row', 'id totalQuantity note buyerIdentity { email }'],
  ['its cost', 'cost { subtotalAmount { amount } totalTaxAmount { amount } totalAmount { amount } }'],
  [
    'delivery and discounts',
    `cost { totalAmount { amount } } deliveryOptions { handle estimatedCost { amount } }
     selectedDeliveryOption { handle } discountCodes { code applicable reason }
     discountAllocations { discountedAmount { amount } code }`,
  ],
  ['its lines', 'lines(first: 50) { nodes { quantity cost { totalAmount { amount } totalTaxAmount { amount } } } }'],
  [
    'lines with their discounts and merchandise',
    `lines(first: 50) { nodes { quantity cost { totalAmount { amount } }
       discountAllocations { discountedAmount { amount } code }
       merchandise { id title price { amount } } } }`,
  ],
  [
    'everything, down to the products',
    `cost { totalAmount { amount } } deliveryOptions { handle } discountCodes { code applicable }
     discountAllocations { discountedAmount { amount } }
     lines(first: 50) { pageInfo { hasNextPage } edges { cursor node { quantity cost { totalAmount { amount } }
       discountAllocations { discountedAmount { amount } }
       merchandise { id title price { amount } product { title handle } } } } }`,
  ],
];

/**
 * Statements per depth, after the read framing: each level reads what it adds once, whatever the
 * number of lines (every per-line lookup is batched by a DataLoader).
 *   1. the cart, its lines at current prices (totalQuantity): 2
 *   2. + the quote: shipping zones with tax rates and automatic discounts (one read), the codes'
 *      discounts with the buyer's tax exemption (one read), the buyer's uses of once-per-customer ones
 *      (FIRSTORDER): 5
 *   3. delivery options, codes and allocations come from the same quote: 5
 *   4. lines and their cost: the same priced lines and quote: 5
 *   5. + the variants by id and their products (the storefront sees variants of visible products): 7
 *   6. down to the products: already loaded: 7
 */
const EXPECTED = [2, 5, 5, 5, 7, 7];

describeEachDatabase('SQL statements per cart query, bounded by depth', SUITE, (get, kind) => {
  const framing = readFraming(kind);
  const carts: string[] = [];

  async function cartOf(t: TestGateway, lines: number): Promise<string> {
    const variants = [];
    for (let i = 0; i < lines; i++) variants.push(await createVariant(t, 'alpha', { price: `${10 + i}.99` }));
    const cart = await cartWith(
      t,
      'alpha',
      variants.map((v, i) => ({ merchandiseId: v.variantGid, quantity: 1 + (i % 3) })),
      `depth-${lines}@example.com`,
    );
    const storefront = t.storefront('alpha');
    const address = { country: 'US', province: 'TX', zip: '73301', address1: '1 Congress Ave', city: 'Austin' };
    for (const [mutation, variables] of [
      [ADDRESS, { id: cart.id, address }],
      [SELECT, { id: cart.id }],
      [CODES, { id: cart.id }],
    ] as const) {
      const res = await t.graphql<Record<string, { userErrors: unknown[] }>>(mutation, variables, storefront);
      expect(Object.values(res.body.data!)[0].userErrors).toEqual([]);
    }
    return cart.id;
  }

  beforeAll(async () => {
    const t = get();
    await seedCartsDemo(t);
    await t.gateway.runtime.withTenant('alpha', (db) =>
      sql`insert into discounts (tenant_id, code, title, kind, value, once_per_customer, combines)
        values ('alpha', 'FIRSTORDER', 'First order: 5 off', 'FIXED_AMOUNT', 5, true, true)`.execute(db),
    );
    for (const lines of [1, 5, 20]) carts.push(await cartOf(t, lines));
  }, 120_000);

  it.each(DEPTHS.map(([name, selection], i) => [name, selection, EXPECTED[i]] as const))(
    'reads %s in the same statements for 1, 5 and 20 lines',
    async (_name, selection, expected) => {
      const t = get();
      const counts: number[] = [];
      for (const id of carts) {
        await stampTenant(t, 'alpha');
        const res = await t.graphql<{ cart: unknown }>(
          `query($id: ID!) { cart(id: $id) { ${selection} } }`,
          { id },
          t.storefront('alpha'),
        );
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data!.cart).not.toBeNull();
        counts.push(Number(res.headers.get('x-sql-statements')));
      }
      expect(counts).toEqual([framing + expected, framing + expected, framing + expected]);
    },
  );
});
