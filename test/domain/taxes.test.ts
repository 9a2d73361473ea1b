import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import { appendSettings } from './pricing-fixtures';
import { cartWith, createVariant, rows, SUITE } from './orders-fixtures';

const RATE_CREATE = `mutation($input: TaxRateInput!) { taxRateCreate(input: $input) {
  taxRate { id countryCode provinceCode title ratePercentage appliesToShipping } userErrors { field code message } } }`;
const ADDRESS = `mutation($cartId: ID!, $address: MailingAddressInput!) { cartDeliveryAddressUpdate(cartId: $cartId, address: $address) { userErrors { code } } }`;
const COST = `query($id: ID!) { cart(id: $id) { taxesIncluded
  cost { subtotalAmount { amount } totalTaxAmount { amount } totalAmount { amount } }
  lines { nodes { cost { totalAmount { amount } totalTaxAmount { amount } } } } } }`;

type Errors = { field: string[]; code: string }[];
type Cost = {
  cost: Record<string, { amount: string }>;
  taxesIncluded: boolean;
  lines: { nodes: { cost: Record<string, { amount: string }> }[] };
};

// alpha prices exclude tax (US-style); beta's include it (EU-style).
const suite = {
  ...SUITE,
  tenantsDir: appendSettings(SUITE.tenantsDir, { beta: 'settings:\n  carts:\n    taxesIncluded: true\n' }),
};

describeEachDatabase('taxes: rates per country and province, included or added, exemptions', suite, (get) => {
  it('adds the state’s rate per line where prices exclude tax; exempt variants and customers pay none', async () => {
    const t = get();
    const admin = await t.admin('alpha');
    for (const input of [
      { countryCode: 'US', provinceCode: 'TX', title: 'Texas', ratePercentage: '6.25' },
      { countryCode: 'US', provinceCode: 'CA', title: 'California', ratePercentage: '7.25' },
    ]) {
      const res = await t.graphql<{ taxRateCreate: { userErrors: Errors } }>(RATE_CREATE, { input }, admin);
      expect(res.body.data!.taxRateCreate.userErrors).toEqual([]);
    }
    const shirt = await createVariant(t, 'alpha', { price: '19.99' });
    const card = await createVariant(t, 'alpha', { price: '25.00' });
    await rows(t, 'alpha', sql`update product_variants set taxable = false where id = ${card.variantId}`);
    const cart = await cartWith(
      t,
      'alpha',
      [
        { merchandiseId: shirt.variantGid, quantity: 3 },
        { merchandiseId: card.variantGid, quantity: 1 },
      ],
      'buyer@example.com',
    );
    const storefront = t.storefront('alpha');
    const read = async () => (await t.graphql<{ cart: Cost }>(COST, { id: cart.id }, storefront)).body.data!.cart;
    expect((await read()).cost.totalTaxAmount).toEqual({ amount: '0.00' });
    await t.graphql(
      ADDRESS,
      { cartId: cart.id, address: { country: 'US', province: 'TX', zip: '73301', address1: '1 Main', city: 'Austin' } },
      storefront,
    );
    // 59.97 × 6.25 % = 3.748125 -> 3.75; the gift card is exempt.
    const texas = await read();
    expect(texas.taxesIncluded).toBe(false);
    expect(texas.cost).toEqual({
      subtotalAmount: { amount: '84.97' },
      totalTaxAmount: { amount: '3.75' },
      totalAmount: { amount: '88.72' },
    });
    expect(texas.lines.nodes.map((l) => l.cost.totalTaxAmount.amount)).toEqual(['3.75', '0.00']);

    const customer = await rows<{ id: string }>(
      t,
      'alpha',
      sql`insert into customers (tenant_id, email) values ('alpha', 'buyer@example.com') returning id`,
    );
    const exempt = await t.graphql<{
      customerTaxExemptUpdate: { customer: { taxExempt: boolean }; userErrors: Errors };
    }>(
      `mutation($id: ID!) { customerTaxExemptUpdate(customerId: $id, taxExempt: true) { customer { taxExempt } userErrors { field code } } }`,
      { id: Buffer.from(`gid://retail/Customer/${customer[0].id}`).toString('base64url') },
      admin,
    );
    expect(exempt.body.data!.customerTaxExemptUpdate).toEqual({ customer: { taxExempt: true }, userErrors: [] });
    expect((await read()).cost.totalTaxAmount).toEqual({ amount: '0.00' });
  });

  it('takes tax out of gross prices where they include it, shipping too where the rate says so', async () => {
    const t = get();
    const admin = await t.admin('beta');
    await t.graphql(
      RATE_CREATE,
      { input: { countryCode: 'DE', title: 'MwSt', ratePercentage: '19', appliesToShipping: true } },
      admin,
    );
    await t.graphql(
      `mutation { shippingZoneCreate(input: { name: "DE", regions: ["DE"], rates: [{ handle: "dhl", title: "DHL", price: "4.90" }] }) { userErrors { code } } }`,
      {},
      admin,
    );
    const mug = await createVariant(t, 'beta', { price: '11.90' });
    const cart = await cartWith(t, 'beta', [{ merchandiseId: mug.variantGid, quantity: 2 }]);
    const storefront = t.storefront('beta');
    await t.graphql(
      ADDRESS,
      { cartId: cart.id, address: { country: 'DE', zip: '10115', address1: 'Str. 1', city: 'Berlin' } },
      storefront,
    );
    await t.graphql(
      `mutation($id: ID!) { cartSelectedDeliveryOptionUpdate(cartId: $id, deliveryOptionHandle: "dhl") { userErrors { code } } }`,
      { id: cart.id },
      storefront,
    );
    const cost = (await t.graphql<{ cart: Cost }>(COST, { id: cart.id }, storefront)).body.data!.cart;
    // 23.80 gross holds 3.80 VAT; 4.90 shipping holds 0.78; the total is what the buyer sees on the shelf plus shipping.
    expect(cost.taxesIncluded).toBe(true);
    expect(cost.cost).toEqual({
      subtotalAmount: { amount: '23.80' },
      totalTaxAmount: { amount: '4.58' },
      totalAmount: { amount: '28.70' },
    });
  });

  it('admin: validation at field paths, scopes, another tenant’s rate looks absent', async () => {
    const t = get();
    const admin = await t.admin('alpha');
    const bad = await t.graphql<{ taxRateCreate: { userErrors: Errors } }>(
      RATE_CREATE,
      { input: { countryCode: 'XX', provinceCode: 'TX', title: '', ratePercentage: '101' } },
      admin,
    );
    expect(bad.body.data!.taxRateCreate.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.countryCode', 'INVALID'],
      ['input.provinceCode', 'INVALID'],
      ['input.title', 'BLANK'],
      ['input.ratePercentage', 'INVALID'],
    ]);
    const reader = await t.admin('alpha', { scopes: ['read_taxes'] });
    const denied = await t.graphql(
      RATE_CREATE,
      { input: { countryCode: 'DE', title: 'x', ratePercentage: '1' } },
      reader,
    );
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const made = await t.graphql<{ taxRateCreate: { taxRate: { id: string } } }>(
      RATE_CREATE,
      { input: { countryCode: 'fr', title: 'TVA', ratePercentage: '20' } },
      admin,
    );
    const id = made.body.data!.taxRateCreate.taxRate.id;
    await t.graphql(
      RATE_CREATE,
      { input: { countryCode: 'FR', provinceCode: null, title: 'TVA 2', ratePercentage: '10' } },
      admin,
    );
    // A Relay connection by country and province: paged forwards and backwards with cursors.
    type Rates = {
      taxRates: {
        totalCount: number;
        edges: { cursor: string; node: { id: string; title: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
      };
    };
    const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
      taxRates(first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id title } } pageInfo { hasNextPage hasPreviousPage } } }`;
    const all = (await t.graphql<Rates>(PAGE, {}, reader)).body.data!.taxRates;
    const at = all.edges.findIndex((e) => e.node.id === id);
    expect(all.edges[at + 1].node.title).toBe('TVA 2');
    expect(all.totalCount).toBe(all.edges.length);
    const after = (await t.graphql<Rates>(PAGE, { first: 1, after: all.edges[at].cursor }, reader)).body.data!.taxRates;
    expect([after.edges.map((e) => e.node.title), after.pageInfo.hasPreviousPage]).toEqual([['TVA 2'], true]);
    const before = (await t.graphql<Rates>(PAGE, { last: 1, before: after.edges[0].cursor }, reader)).body.data!
      .taxRates;
    expect(before.edges.map((e) => e.node.id)).toEqual([id]);
    const badCursor = await t.graphql(PAGE, { first: 1, after: 'nope' }, reader);
    expect(badCursor.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const foreign = await t.graphql<{ taxRateUpdate: { userErrors: Errors } }>(
      `mutation($id: ID!) { taxRateUpdate(id: $id, input: { ratePercentage: "5.5" }) { userErrors { field code } } }`,
      { id },
      await t.admin('beta'),
    );
    expect(foreign.body.data!.taxRateUpdate.userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    const updated = await t.graphql<{ taxRateUpdate: { taxRate: { ratePercentage: string; countryCode: string } } }>(
      `mutation($id: ID!) { taxRateUpdate(id: $id, input: { ratePercentage: "5.5" }) { taxRate { countryCode ratePercentage } userErrors { code } } }`,
      { id },
      admin,
    );
    expect(updated.body.data!.taxRateUpdate.taxRate).toEqual({ countryCode: 'FR', ratePercentage: '5.5000' });
    const deleted = await t.graphql<{ taxRateDelete: { deletedTaxRateId: string } }>(
      `mutation($id: ID!) { taxRateDelete(id: $id) { deletedTaxRateId userErrors { code } } }`,
      { id },
      admin,
    );
    expect(deleted.body.data!.taxRateDelete.deletedTaxRateId).toBe(id);
  });
});
