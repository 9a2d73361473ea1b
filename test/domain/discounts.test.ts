import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { cartWith, checkout, createVariant, rows, SUITE } from './orders-fixtures';

const CREATE = `mutation($input: DiscountInput!) { discountCreate(input: $input) {
  discount { id code title kind value status usageCount } userErrors { field code message } } }`;
const CODES = `mutation($id: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: $codes) {
  cart { discountCodes { code applicable reason }
    discountAllocations { discountedAmount { amount } title code }
    lines { nodes { discountAllocations { discountedAmount { amount } code } } }
    cost { subtotalAmount { amount } totalDiscountAmount { amount } totalAmount { amount } } }
  userErrors { field code } } }`;

type Errors = { field: string[]; code: string }[];
type Discount = { id: string; status: string; usageCount: number };

async function discount(t: TestGateway, tenant: string, input: Record<string, unknown>): Promise<Discount> {
  const res = await t.graphql<{ discountCreate: { discount: Discount; userErrors: Errors } }>(
    CREATE,
    { input },
    await t.admin(tenant),
  );
  expect(res.body.data!.discountCreate.userErrors).toEqual([]);
  return res.body.data!.discountCreate.discount;
}

describeEachDatabase('discounts: codes and automatic, eligibility, combination, usage limits', SUITE, (get) => {
  it('applies a percentage code split over the lines, and reports codes that do not apply', async () => {
    const t = get();
    await discount(t, 'alpha', { code: 'TENOFF', kind: 'PERCENTAGE', value: '10' });
    await discount(t, 'alpha', { code: 'BIGSPEND', kind: 'FIXED_AMOUNT', value: '5', minimumSubtotal: '500' });
    const a = await createVariant(t, 'alpha', { price: '24.99' });
    const b = await createVariant(t, 'alpha', { price: '9.90' });
    const cart = await cartWith(t, 'alpha', [
      { merchandiseId: a.variantGid, quantity: 2 },
      { merchandiseId: b.variantGid, quantity: 1 },
    ]);
    const res = await t.graphql<{ cartDiscountCodesUpdate: { cart: unknown; userErrors: Errors } }>(
      CODES,
      { id: cart.id, codes: ['tenoff', 'BIGSPEND', 'NOPE'] },
      t.storefront('alpha'),
    );
    expect(res.body.data!.cartDiscountCodesUpdate).toEqual({
      cart: {
        discountCodes: [
          { code: 'tenoff', applicable: true, reason: null },
          { code: 'BIGSPEND', applicable: false, reason: 'MINIMUM_NOT_MET' },
          { code: 'NOPE', applicable: false, reason: 'NOT_FOUND' },
        ],
        discountAllocations: [{ discountedAmount: { amount: '5.99' }, title: 'TENOFF', code: 'TENOFF' }],
        lines: {
          nodes: [
            { discountAllocations: [{ discountedAmount: { amount: '5.00' }, code: 'TENOFF' }] },
            { discountAllocations: [{ discountedAmount: { amount: '0.99' }, code: 'TENOFF' }] },
          ],
        },
        cost: {
          subtotalAmount: { amount: '59.88' },
          totalDiscountAmount: { amount: '5.99' },
          totalAmount: { amount: '53.89' },
        },
      },
      userErrors: [],
    });
  });

  it('combines only discounts that combine; product discounts only on their products', async () => {
    const t = get();
    const shoe = await createVariant(t, 'beta', { price: '80.00' });
    const sock = await createVariant(t, 'beta', { price: '20.00' });
    await discount(t, 'beta', {
      title: 'Shoe week',
      kind: 'FIXED_AMOUNT',
      value: '15',
      productIds: [shoe.productGid],
      combinesWithOthers: true,
    });
    await discount(t, 'beta', { code: 'STACK', kind: 'PERCENTAGE', value: '10', combinesWithOthers: true });
    await discount(t, 'beta', { code: 'ALONE', kind: 'PERCENTAGE', value: '50' });
    const cart = await cartWith(t, 'beta', [
      { merchandiseId: shoe.variantGid, quantity: 1 },
      { merchandiseId: sock.variantGid, quantity: 1 },
    ]);
    const send = async (codes: string[]) =>
      (
        await t.graphql<{
          cartDiscountCodesUpdate: {
            cart: { discountCodes: unknown; cost: { totalDiscountAmount: { amount: string } } };
          };
        }>(CODES, { id: cart.id, codes }, t.storefront('beta'))
      ).body.data!.cartDiscountCodesUpdate.cart;
    // Shoe week: 15 off the shoe; STACK: 10 % of what is left (65 + 20) = 8.50.
    const stacked = await send(['STACK', 'ALONE']);
    expect(stacked.discountCodes).toEqual([
      { code: 'STACK', applicable: true, reason: null },
      { code: 'ALONE', applicable: false, reason: 'NOT_COMBINABLE' },
    ]);
    expect(stacked.cost.totalDiscountAmount).toEqual({ amount: '23.50' });
  });

  it('never exceeds a usage limit under concurrent checkouts, and counts once per customer', async () => {
    // Whether a checkout finds the limit reached when pricing (it waited) or when counting (it raced),
    // it is refused: the buyer never pays more than the price they saw.
    const t = get();
    const limited = await discount(t, 'alpha', { code: 'LIMIT2', kind: 'FIXED_AMOUNT', value: '1', usageLimit: 2 });
    const item = await createVariant(t, 'alpha', { price: '10.00' });
    const carts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        cartWith(t, 'alpha', [{ merchandiseId: item.variantGid, quantity: 1 }], `racer${i}@example.com`),
      ),
    );
    for (const cart of carts) await t.graphql(CODES, { id: cart.id, codes: ['LIMIT2'] }, t.storefront('alpha'));
    const results = await Promise.all(
      carts.map((cart, i) => checkout(t, 'alpha', cart.id, `limit-${i}-${Date.now()}`)),
    );
    const placed = results.filter((r) => r.body.data?.checkoutComplete.order);
    const refused = results.filter((r) =>
      r.body.data?.checkoutComplete.userErrors.some((e) => e.code === 'DISCOUNT_NOT_APPLICABLE'),
    );
    expect([placed.length, refused.length]).toEqual([2, 3]);
    expect(placed.every((r) => r.body.data!.checkoutComplete.order!.totalPrice.amount === '9.00')).toBe(true);
    const counted = await rows<{ usage_count: number }>(
      t,
      'alpha',
      sql`select usage_count from discounts where code = 'LIMIT2'`,
    );
    expect(counted).toEqual([{ usage_count: 2 }]);
    expect(limited.usageCount).toBe(0);

    await discount(t, 'alpha', { code: 'ONCE', kind: 'PERCENTAGE', value: '10', oncePerCustomer: true });
    const first = await cartWith(t, 'alpha', [{ merchandiseId: item.variantGid, quantity: 1 }], 'once@example.com');
    const second = await cartWith(t, 'alpha', [{ merchandiseId: item.variantGid, quantity: 1 }], 'once@example.com');
    for (const cart of [first, second]) await t.graphql(CODES, { id: cart.id, codes: ['ONCE'] }, t.storefront('alpha'));
    const ok = await checkout(t, 'alpha', first.id, `once-1-${Date.now()}`);
    expect(ok.body.data!.checkoutComplete.order!.totalPrice.amount).toBe('9.00');
    // The buyer's other cart now shows the code as used, and checkout refuses it there the same way.
    const shown = await t.graphql<{ cart: { discountCodes: unknown; cost: unknown } }>(
      `query($id: ID!) { cart(id: $id) { discountCodes { code applicable reason } cost { totalDiscountAmount { amount } } } }`,
      { id: second.id },
      t.storefront('alpha'),
    );
    expect(shown.body.data!.cart).toEqual({
      discountCodes: [{ code: 'ONCE', applicable: false, reason: 'ALREADY_USED' }],
      cost: { totalDiscountAmount: { amount: '0.00' } },
    });
    const again = await checkout(t, 'alpha', second.id, `once-2-${Date.now()}`);
    expect(again.body.data!.checkoutComplete.userErrors).toEqual([
      expect.objectContaining({ field: ['discountCodes', '0'], code: 'DISCOUNT_NOT_APPLICABLE' }),
    ]);
    // A guest cart (no email yet) shows it applicable; checkout with the used email refuses it.
    const guest = await cartWith(t, 'alpha', [{ merchandiseId: item.variantGid, quantity: 1 }]);
    const guestCodes = await t.graphql<{ cartDiscountCodesUpdate: { cart: { discountCodes: unknown } } }>(
      CODES,
      { id: guest.id, codes: ['ONCE'] },
      t.storefront('alpha'),
    );
    expect(guestCodes.body.data!.cartDiscountCodesUpdate.cart.discountCodes).toEqual([
      { code: 'ONCE', applicable: true, reason: null },
    ]);
    const guestCheckout = await checkout(t, 'alpha', guest.id, `once-3-${Date.now()}`, 'Once@Example.com');
    expect(guestCheckout.body.data!.checkoutComplete.userErrors).toEqual([
      expect.objectContaining({ field: ['discountCodes', '0'], code: 'DISCOUNT_NOT_APPLICABLE' }),
    ]);
    // Another buyer may still use it.
    const other = await checkout(t, 'alpha', guest.id, `once-4-${Date.now()}`, 'someone-else@example.com');
    expect(other.body.data!.checkoutComplete.order!.totalPrice.amount).toBe('9.00');
  });

  it('uses a once-per-customer code once when the same customer checks out several carts at once', async () => {
    const t = get();
    await discount(t, 'alpha', { code: 'ONCEONLY', kind: 'FIXED_AMOUNT', value: '2', oncePerCustomer: true });
    const item = await createVariant(t, 'alpha', { price: '10.00' });
    const carts = await Promise.all(
      Array.from({ length: 6 }, () =>
        cartWith(t, 'alpha', [{ merchandiseId: item.variantGid, quantity: 1 }], 'twin@example.com'),
      ),
    );
    for (const cart of carts) {
      await t.graphql(CODES, { id: cart.id, codes: ['ONCEONLY'] }, t.storefront('alpha'));
    }
    const results = await Promise.all(carts.map((cart, i) => checkout(t, 'alpha', cart.id, `twin-${i}-${Date.now()}`)));
    const placed = results.filter((r) => r.body.data?.checkoutComplete.order);
    const refused = results.filter((r) =>
      r.body.data?.checkoutComplete.userErrors.some((e) => e.code === 'DISCOUNT_NOT_APPLICABLE'),
    );
    expect([placed.length, refused.length]).toEqual([1, 5]);
    expect(placed[0].body.data!.checkoutComplete.order!.totalPrice.amount).toBe('8.00');
    const uses = await rows<{ n: number; counted: number }>(
      t,
      'alpha',
      sql`select (select count(*)::int from discount_usages u where u.discount_id = d.id) as n, d.usage_count as counted
            from discounts d where d.code = 'ONCEONLY'`,
    );
    expect(uses).toEqual([{ n: 1, counted: 1 }]);
  });

  it('admin: validation at field paths, scopes, taken codes, deactivation, search', async () => {
    const t = get();
    const admin = await t.admin('beta');
    const bad = await t.graphql<{ discountCreate: { userErrors: Errors } }>(
      CREATE,
      { input: { code: 'no spaces', kind: 'PERCENTAGE', value: '120', usageLimit: 0 } },
      admin,
    );
    expect(bad.body.data!.discountCreate.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.code', 'INVALID'],
      ['input.value', 'INVALID'],
      ['input.usageLimit', 'INVALID'],
    ]);
    const foreignProduct = await createVariant(t, 'alpha', { price: '1.00' });
    const leak = await t.graphql<{ discountCreate: { userErrors: Errors } }>(
      CREATE,
      { input: { code: 'THEIRS', kind: 'PERCENTAGE', value: '5', productIds: [foreignProduct.productGid] } },
      admin,
    );
    expect(leak.body.data!.discountCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'productIds', '0'], code: 'NOT_FOUND' }),
    ]);
    const made = await discount(t, 'beta', { code: 'SPRING', kind: 'FREE_SHIPPING' });
    const taken = await t.graphql<{ discountCreate: { userErrors: Errors } }>(
      CREATE,
      { input: { code: 'spring', kind: 'FREE_SHIPPING' } },
      admin,
    );
    expect(taken.body.data!.discountCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'code'], code: 'TAKEN' }),
    ]);
    const denied = await t.graphql(
      CREATE,
      { input: { code: 'X1', kind: 'FREE_SHIPPING' } },
      await t.admin('beta', { scopes: ['read_discounts'] }),
    );
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await t.graphql<{ discountDeactivate: { userErrors: Errors } }>(
      `mutation($id: ID!) { discountDeactivate(id: $id) { userErrors { field code } } }`,
      { id: made.id },
      await t.admin('alpha'),
    );
    expect(foreign.body.data!.discountDeactivate.userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    const off = await t.graphql<{ discountDeactivate: { discount: { status: string } } }>(
      `mutation($id: ID!) { discountDeactivate(id: $id) { discount { status } userErrors { code } } }`,
      { id: made.id },
      admin,
    );
    expect(off.body.data!.discountDeactivate.discount.status).toBe('INACTIVE');
    const found = await t.graphql<{ discounts: { nodes: { code: string }[]; totalCount: number } }>(
      `{ discounts(query: "spr") { nodes { code } totalCount } }`,
      {},
      admin,
    );
    expect(found.body.data!.discounts).toEqual({ nodes: [{ code: 'SPRING' }], totalCount: 1 });
    // Newest first, a Relay connection: forwards and backwards from cursors, the count across pages.
    await discount(t, 'beta', { code: 'SPRING2', kind: 'FREE_SHIPPING' });
    await discount(t, 'beta', { code: 'SPRING3', kind: 'FREE_SHIPPING' });
    type Page = {
      discounts: {
        totalCount: number;
        edges: { cursor: string; node: { code: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
      };
    };
    const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
      discounts(query: "spring", first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { code } } pageInfo { hasNextPage hasPreviousPage } } }`;
    const reader = await t.admin('beta', { scopes: ['read_discounts'] });
    const one = (await t.graphql<Page>(PAGE, { first: 2 }, reader)).body.data!.discounts;
    expect([one.totalCount, one.edges.map((e) => e.node.code), one.pageInfo]).toEqual([
      3,
      ['SPRING3', 'SPRING2'],
      { hasNextPage: true, hasPreviousPage: false },
    ]);
    const two = (await t.graphql<Page>(PAGE, { first: 2, after: one.edges[1].cursor }, reader)).body.data!.discounts;
    expect([two.edges.map((e) => e.node.code), two.pageInfo]).toEqual([
      ['SPRING'],
      { hasNextPage: false, hasPreviousPage: true },
    ]);
    const back = (await t.graphql<Page>(PAGE, { last: 1, before: two.edges[0].cursor }, reader)).body.data!.discounts;
    expect([back.edges.map((e) => e.node.code), back.pageInfo.hasPreviousPage]).toEqual([['SPRING2'], true]);
    const badCursor = await t.graphql(PAGE, { first: 1, after: Buffer.from('["x"]').toString('base64url') }, reader);
    expect(badCursor.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
