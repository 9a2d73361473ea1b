import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import {
  CART_FIELDS,
  cartWith,
  createVariant,
  SUITE,
  rows,
  type CartPayload,
  type VariantFixture,
} from './orders-fixtures';

const PAYLOAD = `cart { ${CART_FIELDS} } userErrors { field code message }`;
const ADD = `mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`;
const UPDATE = `mutation($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`;
const REMOVE = `mutation($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { ${PAYLOAD} } }`;
const BUYER = `mutation($cartId: ID!, $b: CartBuyerIdentityInput!) { cartBuyerIdentityUpdate(cartId: $cartId, buyerIdentity: $b) { ${PAYLOAD} } }`;
const GET = `query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`;

describeEachDatabase('carts', SUITE, (get) => {
  let shirt: VariantFixture; // 12.50, 5 + 3 in stock
  let mug: VariantFixture; // 7.25, not tracked
  let draft: VariantFixture;
  let foreign: VariantFixture;

  beforeAll(async () => {
    const t = get();
    shirt = await createVariant(t, 'alpha', { price: '12.50', stock: [5, 3] });
    mug = await createVariant(t, 'alpha', { price: '7.25' });
    draft = await createVariant(t, 'alpha', { price: '1.00', stock: [10], status: 'DRAFT' });
    foreign = await createVariant(t, 'beta', { price: '3.00', stock: [10] });
  });

  const call = async (query: string, variables: Record<string, unknown>, tenant = 'alpha') => {
    const res = await get().graphql<Record<string, CartPayload>>(query, variables, get().storefront(tenant));
    expect(res.body.errors).toBeUndefined();
    return Object.values(res.body.data!)[0];
  };

  it('creates a cart priced on the server in the tenant currency', async () => {
    const cart = await cartWith(get(), 'alpha', [
      { merchandiseId: shirt.variantGid, quantity: 2 },
      { merchandiseId: mug.variantGid, quantity: 3 },
    ]);
    expect(cart.status).toBe('ACTIVE');
    expect(cart.totalQuantity).toBe(5);
    expect(cart.cost.subtotalAmount).toEqual({ amount: '46.75', currencyCode: 'USD' });
    expect(cart.cost.totalAmount.amount).toBe('46.75');
    expect(
      cart.lines.nodes.map((l) => [
        l.merchandise.id,
        l.quantity,
        l.cost.amountPerQuantity.amount,
        l.cost.subtotalAmount.amount,
      ]),
    ).toEqual([
      [shirt.variantGid, 2, '12.50', '25.00'],
      [mug.variantGid, 3, '7.25', '21.75'],
    ]);
  });

  it('uses the current variant price, not the price when the line was added', async () => {
    const t = get();
    const variant = await createVariant(t, 'alpha', { price: '10.00' });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: variant.variantGid, quantity: 3 }]);
    await rows(t, 'alpha', sql`update product_variants set price = 11.10 where id = ${variant.variantId}`);
    const fresh = await t.graphql<{ cart: { cost: { subtotalAmount: { amount: string } } } }>(
      GET,
      { id: cart.id },
      t.storefront('alpha'),
    );
    expect(fresh.body.data!.cart.cost.subtotalAmount.amount).toBe('33.30');
  });

  it('gives carts unguessable ids that only their tenant can read', async () => {
    const t = get();
    const a = await cartWith(t, 'alpha', []);
    const b = await cartWith(t, 'alpha', []);
    const tokenOf = (id: string) => Buffer.from(id, 'base64url').toString().split('/').pop()!;
    expect(tokenOf(a.id)).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(tokenOf(a.id)).not.toMatch(/^\d+$/);
    expect(tokenOf(a.id)).not.toBe(tokenOf(b.id));
    const asBeta = await t.graphql(GET, { id: a.id }, t.storefront('beta'));
    expect(asBeta.body.data).toEqual({ cart: null });
    const garbage = await t.graphql(GET, { id: 'Z2lkOi8vcmV0YWlsL0NhcnQvMQ' }, t.storefront('alpha'));
    expect(garbage.body.data).toEqual({ cart: null });
    const asAdmin = await t.graphql(GET, { id: a.id }, await t.admin('alpha'));
    expect(asAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('merges lines of one variant and checks stock across locations', async () => {
    const cart = await cartWith(get(), 'alpha', [{ merchandiseId: shirt.variantGid, quantity: 4 }]);
    const merged = await call(ADD, { cartId: cart.id, lines: [{ merchandiseId: shirt.variantGid, quantity: 4 }] });
    expect(merged.userErrors).toEqual([]);
    expect(merged.cart!.lines.nodes).toHaveLength(1);
    expect(merged.cart!.lines.nodes[0].quantity).toBe(8);
    const over = await call(ADD, { cartId: cart.id, lines: [{ merchandiseId: shirt.variantGid, quantity: 1 }] });
    expect(over.userErrors).toEqual([
      { field: ['lines', '0', 'quantity'], code: 'NOT_ENOUGH_STOCK', message: 'Only 8 in stock' },
    ]);
    expect(over.cart!.totalQuantity).toBe(8);
  });

  it('reports unknown, foreign and unpublished merchandise as NOT_FOUND at its field path', async () => {
    const cart = await cartWith(get(), 'alpha', []);
    for (const merchandiseId of [foreign.variantGid, draft.variantGid, shirt.productGid, 'nonsense']) {
      const res = await call(ADD, {
        cartId: cart.id,
        lines: [
          { merchandiseId: mug.variantGid, quantity: 1 },
          { merchandiseId, quantity: 1 },
        ],
      });
      expect(res.userErrors).toEqual([
        { field: ['lines', '1', 'merchandiseId'], code: 'NOT_FOUND', message: expect.any(String) },
      ]);
      // A refused change leaves nothing behind, not even its valid lines.
      expect(res.cart!.lines.nodes).toEqual([]);
    }
  });

  it('bounds quantities', async () => {
    const cart = await cartWith(get(), 'alpha', []);
    const zero = await call(ADD, { cartId: cart.id, lines: [{ merchandiseId: mug.variantGid, quantity: 0 }] });
    expect(zero.userErrors).toEqual([
      { field: ['lines', '0', 'quantity'], code: 'LESS_THAN', message: expect.any(String) },
    ]);
    const huge = await call(ADD, { cartId: cart.id, lines: [{ merchandiseId: mug.variantGid, quantity: 1000 }] });
    expect(huge.userErrors[0]).toMatchObject({ field: ['lines', '0', 'quantity'], code: 'MAXIMUM_EXCEEDED' });
    const ok = await call(ADD, { cartId: cart.id, lines: [{ merchandiseId: mug.variantGid, quantity: 999 }] });
    expect(ok.userErrors).toEqual([]);
    const more = await call(ADD, { cartId: cart.id, lines: [{ merchandiseId: mug.variantGid, quantity: 1 }] });
    expect(more.userErrors[0]).toMatchObject({ field: ['lines', '0', 'quantity'], code: 'MAXIMUM_EXCEEDED' });
    const create = await get().graphql<{ cartCreate: CartPayload }>(
      `mutation($input: CartInput) { cartCreate(input: $input) { ${PAYLOAD} } }`,
      { input: { lines: [{ merchandiseId: mug.variantGid, quantity: -1 }] } },
      get().storefront('alpha'),
    );
    expect(create.body.data!.cartCreate).toEqual({
      cart: null,
      userErrors: [{ field: ['input', 'lines', '0', 'quantity'], code: 'LESS_THAN', message: expect.any(String) }],
    });
  });

  it('updates and removes lines; 0 removes; lines of other carts are NOT_FOUND', async () => {
    const cart = await cartWith(get(), 'alpha', [
      { merchandiseId: shirt.variantGid, quantity: 1 },
      { merchandiseId: mug.variantGid, quantity: 1 },
    ]);
    const other = await cartWith(get(), 'alpha', [{ merchandiseId: mug.variantGid, quantity: 1 }]);
    const [shirtLine, mugLine] = cart.lines.nodes;
    const updated = await call(UPDATE, { cartId: cart.id, lines: [{ id: shirtLine.id, quantity: 3 }] });
    expect(updated.cart!.lines.nodes.map((l) => l.quantity)).toEqual([3, 1]);
    const tooMany = await call(UPDATE, { cartId: cart.id, lines: [{ id: shirtLine.id, quantity: 9 }] });
    expect(tooMany.userErrors[0]).toMatchObject({ field: ['lines', '0', 'quantity'], code: 'NOT_ENOUGH_STOCK' });
    const foreignLine = await call(UPDATE, { cartId: cart.id, lines: [{ id: other.lines.nodes[0].id, quantity: 2 }] });
    expect(foreignLine.userErrors).toEqual([
      { field: ['lines', '0', 'id'], code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    const zeroed = await call(UPDATE, { cartId: cart.id, lines: [{ id: mugLine.id, quantity: 0 }] });
    expect(zeroed.cart!.lines.nodes.map((l) => l.id)).toEqual([shirtLine.id]);
    const missing = await call(REMOVE, { cartId: cart.id, lineIds: [mugLine.id] });
    expect(missing.userErrors).toEqual([{ field: ['lineIds', '0'], code: 'NOT_FOUND', message: expect.any(String) }]);
    const removed = await call(REMOVE, { cartId: cart.id, lineIds: [shirtLine.id] });
    expect(removed.userErrors).toEqual([]);
    expect(removed.cart!.totalQuantity).toBe(0);
    expect(removed.cart!.cost.subtotalAmount.amount).toBe('0.00');
  });

  it('sets the buyer identity and names invalid fields', async () => {
    const cart = await cartWith(get(), 'alpha', []);
    const set = await call(BUYER, { cartId: cart.id, b: { email: 'Buyer@Example.com', countryCode: 'US' } });
    expect(set.cart!.buyerIdentity).toEqual({ email: 'buyer@example.com', phone: null, countryCode: 'US' });
    const bad = await call(BUYER, { cartId: cart.id, b: { email: 'nope', countryCode: 'usa' } });
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['buyerIdentity', 'email'], 'INVALID'],
      [['buyerIdentity', 'countryCode'], 'INVALID'],
    ]);
    expect(bad.cart!.buyerIdentity.email).toBe('buyer@example.com');
  });

  it('answers NOT_FOUND for a cart id that is not ours', async () => {
    const beta = await cartWith(get(), 'beta', [{ merchandiseId: foreign.variantGid, quantity: 1 }]);
    const res = await call(ADD, { cartId: beta.id, lines: [{ merchandiseId: mug.variantGid, quantity: 1 }] });
    expect(res).toEqual({
      cart: null,
      userErrors: [{ field: ['cartId'], code: 'NOT_FOUND', message: 'Cart not found' }],
    });
    const betaView = await get().graphql<{ cart: { totalQuantity: number } }>(
      GET,
      { id: beta.id },
      get().storefront('beta'),
    );
    expect(betaView.body.data!.cart.totalQuantity).toBe(1);
  });
});
