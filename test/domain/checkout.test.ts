import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import { cartWith, checkout, createVariant, rows, stockOf, SUITE, type VariantFixture } from './orders-fixtures';

const ADD = `mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { code } } }`;

describeEachDatabase('checkout', SUITE, (get) => {
  let key = 0;
  const nextKey = () => `key-${++key}-${Date.now()}`;
  const orderCount = async (tenant = 'alpha') =>
    Number((await rows<{ n: string }>(get(), tenant, sql`select count(*) n from orders`))[0].n);

  it('turns a cart into an order: stock reserved with history, titles and prices snapshotted, customer linked, sales counted', async () => {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '20.00', stock: [4], title: 'Tee' });
    const cap = await createVariant(t, 'alpha', { price: '5.50', title: 'Cap' });
    const cart = await cartWith(
      t,
      'alpha',
      [
        { merchandiseId: tee.variantGid, quantity: 3 },
        { merchandiseId: cap.variantGid, quantity: 2 },
      ],
      'Shopper@Example.com',
    );
    const res = await checkout(t, 'alpha', cart.id, nextKey());
    expect(res.body.errors).toBeUndefined();
    const { order, userErrors } = res.body.data!.checkoutComplete;
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({
      name: expect.stringMatching(/^#\d{4,}$/),
      email: 'shopper@example.com',
      totalPrice: { amount: '71.00', currencyCode: 'USD' },
      // Personal data stays hidden from a storefront token, even on its own order.
      customer: null,
    });
    expect(order!.lineItems.nodes).toEqual([
      { title: 'Tee', quantity: 3, originalUnitPrice: { amount: '20.00' } },
      { title: 'Cap', quantity: 2, originalUnitPrice: { amount: '5.50' } },
    ]);
    expect(await stockOf(t, 'alpha', tee)).toEqual([1]);
    const history = await rows(
      t,
      'alpha',
      sql`select delta, reason, quantity_after from inventory_adjustments where variant_id = ${tee.variantId}`,
    );
    expect(history).toEqual([{ delta: -3, reason: 'checkout', quantity_after: 1 }]);
    const sold = await rows(
      t,
      'alpha',
      sql`select total_sold from products where id in (${tee.productId}, ${cap.productId}) order by id`,
    );
    expect(sold).toEqual([{ total_sold: 3 }, { total_sold: 2 }]);
    const customer = await rows(
      t,
      'alpha',
      sql`select email, orders_count, amount_spent from customers where email = 'shopper@example.com'`,
    );
    // Statistics count paid orders only: checking out adds the customer but nothing to their history yet.
    expect(customer).toEqual([{ email: 'shopper@example.com', orders_count: 0, amount_spent: '0' }]);
    // Prices changed later do not change the order.
    await rows(t, 'alpha', sql`update product_variants set price = 99 where id = ${tee.variantId}`);
    const admin = await t.admin('alpha');
    const stored = await t.graphql<{ order: { totalPrice: { amount: string }; customer: { email: string } } }>(
      'query($id: ID!) { order(id: $id) { totalPrice { amount } customer { email } } }',
      { id: order!.id },
      admin,
    );
    expect(stored.body.data!.order).toEqual({
      totalPrice: { amount: '71.00' },
      customer: { email: 'shopper@example.com' },
    });
    // The completed cart can neither change nor be checked out again.
    const again = await checkout(t, 'alpha', cart.id, nextKey());
    expect(again.body.data!.checkoutComplete.userErrors).toEqual([
      { field: ['cartId'], code: 'ALREADY_COMPLETED', message: expect.any(String) },
    ]);
    const add = await t.graphql<{ cartLinesAdd: { userErrors: { code: string }[] } }>(
      ADD,
      { cartId: cart.id, lines: [{ merchandiseId: cap.variantGid }] },
      t.storefront('alpha'),
    );
    expect(add.body.data!.cartLinesAdd.userErrors).toEqual([{ code: 'ALREADY_COMPLETED' }]);
  });

  it('links a returning buyer to the same customer', async () => {
    const t = get();
    const v = await createVariant(t, 'alpha', { price: '1.00' });
    for (let i = 0; i < 2; i++) {
      const cart = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 1 }]);
      const res = await checkout(t, 'alpha', cart.id, nextKey(), 'RETURNING@example.com');
      expect(res.body.data!.checkoutComplete.userErrors).toEqual([]);
    }
    const customers = await rows(
      t,
      'alpha',
      sql`select c.id, (select count(*)::int from orders o where o.customer_id = c.id) orders
        from customers c where c.email = 'returning@example.com'`,
    );
    expect(customers).toEqual([{ id: expect.any(String), orders: 2 }]);
  });

  it('is idempotent: the same key returns the same order, also for concurrent retries', async () => {
    const t = get();
    const v = await createVariant(t, 'alpha', { price: '3.00', stock: [10] });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 2 }]);
    const k = nextKey();
    const before = await orderCount();
    const [a, b] = await Promise.all([checkout(t, 'alpha', cart.id, k), checkout(t, 'alpha', cart.id, k)]);
    const c = await checkout(t, 'alpha', cart.id, k);
    const ids = [a, b, c].map((r) => r.body.data!.checkoutComplete.order?.id);
    expect(ids[0]).toBeTruthy();
    expect(new Set(ids).size).toBe(1);
    expect([a, b, c].every((r) => r.body.data!.checkoutComplete.userErrors.length === 0)).toBe(true);
    expect(await orderCount()).toBe(before + 1);
    expect(await stockOf(t, 'alpha', v)).toEqual([8]);
    const keyed = await rows(t, 'alpha', sql`select count(*)::int n from orders where idempotency_key = ${k}`);
    expect(keyed).toEqual([{ n: 1 }]);
  });

  it('refuses a key already used for another cart (TAKEN)', async () => {
    const t = get();
    const v = await createVariant(t, 'alpha', { price: '3.00' });
    const first = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 1 }]);
    const second = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 1 }]);
    const k = nextKey();
    expect((await checkout(t, 'alpha', first.id, k)).body.data!.checkoutComplete.userErrors).toEqual([]);
    const reused = await checkout(t, 'alpha', second.id, k);
    expect(reused.body.data!.checkoutComplete).toEqual({
      order: null,
      userErrors: [{ field: ['idempotencyKey'], code: 'TAKEN', message: expect.any(String) }],
    });
  });

  it('sells the last unit once when two checkouts race for it', async () => {
    const t = get();
    const last = await createVariant(t, 'alpha', { price: '50.00', stock: [1] });
    const carts = [
      await cartWith(t, 'alpha', [{ merchandiseId: last.variantGid, quantity: 1 }]),
      await cartWith(t, 'alpha', [{ merchandiseId: last.variantGid, quantity: 1 }]),
    ];
    const before = await orderCount();
    const results = await Promise.all(carts.map((cart) => checkout(t, 'alpha', cart.id, nextKey())));
    const payloads = results.map((r) => r.body.data!.checkoutComplete);
    expect(payloads.filter((p) => p.order !== null)).toHaveLength(1);
    const loser = payloads.find((p) => p.order === null)!;
    expect(loser.userErrors).toEqual([
      { field: ['lines', '0', 'quantity'], code: 'NOT_ENOUGH_STOCK', message: expect.any(String) },
    ]);
    expect(await orderCount()).toBe(before + 1);
    expect(await stockOf(t, 'alpha', last)).toEqual([0]);
    const history = await rows(
      t,
      'alpha',
      sql`select delta from inventory_adjustments where variant_id = ${last.variantId}`,
    );
    expect(history).toEqual([{ delta: -1 }]);
    const statuses = await rows<{ status: string }>(t, 'alpha', sql`select status from carts order by status`);
    expect(statuses.filter((s) => s.status === 'ACTIVE').length).toBeGreaterThan(0);
  });

  it('writes nothing when stock ran out after the item was added', async () => {
    const t = get();
    const plenty = await createVariant(t, 'alpha', { price: '2.00', stock: [5] });
    const scarce = await createVariant(t, 'alpha', { price: '4.00', stock: [2] });
    const cart = await cartWith(
      t,
      'alpha',
      [
        { merchandiseId: plenty.variantGid, quantity: 2 },
        { merchandiseId: scarce.variantGid, quantity: 2 },
      ],
      'nobody@example.com',
    );
    await rows(t, 'alpha', sql`update inventory_levels set available = 1 where variant_id = ${scarce.variantId}`);
    const before = await orderCount();
    const res = await checkout(t, 'alpha', cart.id, nextKey());
    expect(res.body.data!.checkoutComplete).toEqual({
      order: null,
      userErrors: [{ field: ['lines', '1', 'quantity'], code: 'NOT_ENOUGH_STOCK', message: expect.any(String) }],
    });
    expect(await orderCount()).toBe(before);
    expect(await stockOf(t, 'alpha', plenty)).toEqual([5]);
    const leftovers = await rows(
      t,
      'alpha',
      sql`select
      (select count(*)::int from customers where email = 'nobody@example.com') customers,
      (select count(*)::int from inventory_adjustments where variant_id = ${plenty.variantId}) adjustments,
      (select total_sold from products where id = ${plenty.productId}) sold`,
    );
    expect(leftovers).toEqual([{ customers: 0, adjustments: 0, sold: 0 }]);
    const cartState = await t.graphql<{ cart: { status: string } }>(
      'query($id: ID!) { cart(id: $id) { status } }',
      { id: cart.id },
      t.storefront('alpha'),
    );
    expect(cartState.body.data!.cart.status).toBe('ACTIVE');
  });

  it('splits a line across locations, the fullest first', async () => {
    const t = get();
    const v = await createVariant(t, 'alpha', { price: '1.00', stock: [2, 3] });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 4 }]);
    expect((await checkout(t, 'alpha', cart.id, nextKey())).body.data!.checkoutComplete.userErrors).toEqual([]);
    expect(await stockOf(t, 'alpha', v)).toEqual([1, 0]);
  });

  it('answers each refusal with its field and code', async () => {
    const t = get();
    const v: VariantFixture = await createVariant(t, 'alpha', { price: '1.00' });
    const empty = await cartWith(t, 'alpha', []);
    const full = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 1 }]);
    const beta = await cartWith(t, 'beta', []);
    const cases: [string, string, string | undefined, string[], string][] = [
      [empty.id, nextKey(), undefined, ['cartId'], 'CART_EMPTY'],
      [full.id, '   ', undefined, ['idempotencyKey'], 'BLANK'],
      [full.id, 'k'.repeat(101), undefined, ['idempotencyKey'], 'TOO_LONG'],
      [full.id, nextKey(), 'not-an-email', ['email'], 'INVALID'],
      [beta.id, nextKey(), undefined, ['cartId'], 'NOT_FOUND'],
      ['bm9wZQ', nextKey(), undefined, ['cartId'], 'NOT_FOUND'],
    ];
    for (const [cartId, k, email, field, code] of cases) {
      const res = await checkout(t, 'alpha', cartId, k, email);
      expect(res.body.data!.checkoutComplete).toEqual({
        order: null,
        userErrors: [{ field, code, message: expect.any(String) }],
      });
    }
    await rows(t, 'alpha', sql`update products set status = 'ARCHIVED' where id = ${v.productId}`);
    const archived = await checkout(t, 'alpha', full.id, nextKey());
    expect(archived.body.data!.checkoutComplete.userErrors[0]).toMatchObject({
      field: ['lines', '0', 'merchandise'],
      code: 'NOT_FOUND',
    });
    const asAdmin = await t.graphql(
      'mutation($id: ID!) { checkoutComplete(cartId: $id, idempotencyKey: "x") { userErrors { code } } }',
      { id: full.id },
      await t.admin('alpha'),
    );
    expect(asAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
