import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import { cartWith, checkout, createVariant, rows, stockOf, SUITE } from './orders-fixtures';

const CANCEL = `mutation($id: ID!, $restock: Boolean) { orderCancel(id: $id, reason: CUSTOMER, restock: $restock) {
  order { status financialStatus cancelReason cancelledAt } userErrors { field code message } } }`;
const FULFILL = `mutation($id: ID!) { orderFulfill(id: $id) {
  order { fulfillmentStatus fulfilledAt } userErrors { field code message } } }`;

type Payload = { order: Record<string, unknown> | null; userErrors: { field: string[]; code: string }[] };

describeEachDatabase('order cancel and fulfil', SUITE, (get) => {
  let admin: Record<string, string>;
  let n = 0;
  beforeAll(async () => {
    admin = await get().admin('alpha', { scopes: ['read_orders', 'write_orders'] });
  });

  const mutate = async (query: string, variables: Record<string, unknown>, auth = admin) => {
    const res = await get().graphql<Record<string, Payload>>(query, variables, auth);
    expect(res.body.errors).toBeUndefined();
    return Object.values(res.body.data!)[0];
  };

  /** An order placed through checkout: `quantity` units of a variant stocked at two locations. */
  async function placeOrder(stock: number[], quantity: number, price = '10.00') {
    const t = get();
    const variant = await createVariant(t, 'alpha', { price, stock });
    const cart = await cartWith(
      t,
      'alpha',
      [{ merchandiseId: variant.variantGid, quantity }],
      `buyer${++n}@example.com`,
    );
    const res = await checkout(t, 'alpha', cart.id, `cancel-test-${n}`);
    const order = res.body.data!.checkoutComplete.order!;
    return { variant, orderId: order.id, email: `buyer${n}@example.com` };
  }

  it('restocks exactly where stock was taken, with history, and undoes sales and spend', async () => {
    const t = get();
    const { variant, orderId, email } = await placeOrder([3, 3], 5);
    expect(await stockOf(t, 'alpha', variant)).toEqual([0, 1]);
    const cancelled = await mutate(CANCEL, { id: orderId });
    expect(cancelled).toEqual({
      order: {
        status: 'CANCELLED',
        financialStatus: 'VOIDED',
        cancelReason: 'CUSTOMER',
        cancelledAt: expect.any(String),
      },
      userErrors: [],
    });
    expect(await stockOf(t, 'alpha', variant)).toEqual([3, 3]);
    const history = await rows(
      t,
      'alpha',
      sql`select delta, reason, quantity_after from inventory_adjustments
      where variant_id = ${variant.variantId} order by id`,
    );
    expect(history).toEqual([
      { delta: -3, reason: 'checkout', quantity_after: 0 },
      { delta: -2, reason: 'checkout', quantity_after: 1 },
      { delta: 3, reason: 'order_cancel', quantity_after: 3 },
      { delta: 2, reason: 'order_cancel', quantity_after: 3 },
    ]);
    const sold = await rows(t, 'alpha', sql`select total_sold from products where id = ${variant.productId}`);
    expect(sold).toEqual([{ total_sold: 0 }]);
    const spent = await rows(t, 'alpha', sql`select orders_count, amount_spent from customers where email = ${email}`);
    // The order was never paid: it never counted in the customer's statistics.
    expect(spent).toEqual([{ orders_count: 0, amount_spent: '0' }]);
  });

  it('refuses a second cancel (ALREADY_CANCELLED) and never restocks twice, even when two race', async () => {
    const t = get();
    const { variant, orderId } = await placeOrder([2], 2);
    const [a, b] = await Promise.all([mutate(CANCEL, { id: orderId }), mutate(CANCEL, { id: orderId })]);
    const codes = [a, b].map((p) => p.userErrors.map((e) => e.code).join());
    expect(codes.sort()).toEqual(['', 'ALREADY_CANCELLED']);
    const third = await mutate(CANCEL, { id: orderId });
    expect(third).toEqual({
      order: null,
      userErrors: [{ field: ['id'], code: 'ALREADY_CANCELLED', message: expect.any(String) }],
    });
    expect(await stockOf(t, 'alpha', variant)).toEqual([2]);
    const fulfil = await mutate(FULFILL, { id: orderId });
    expect(fulfil.userErrors[0]).toMatchObject({ field: ['id'], code: 'ALREADY_CANCELLED' });
  });

  it('can cancel without restocking', async () => {
    const t = get();
    const { variant, orderId } = await placeOrder([4], 1);
    expect((await mutate(CANCEL, { id: orderId, restock: false })).userErrors).toEqual([]);
    expect(await stockOf(t, 'alpha', variant)).toEqual([3]);
  });

  it('fulfils an open order once; a fulfilled order cannot be cancelled', async () => {
    const { orderId } = await placeOrder([5], 1);
    const fulfilled = await mutate(FULFILL, { id: orderId });
    expect(fulfilled).toEqual({
      order: { fulfillmentStatus: 'FULFILLED', fulfilledAt: expect.any(String) },
      userErrors: [],
    });
    const twice = await mutate(FULFILL, { id: orderId });
    expect(twice.userErrors).toEqual([{ field: ['id'], code: 'ALREADY_FULFILLED', message: expect.any(String) }]);
    const cancel = await mutate(CANCEL, { id: orderId });
    expect(cancel.userErrors[0]).toMatchObject({ code: 'ALREADY_FULFILLED' });
  });

  it('answers NOT_FOUND for unknown or foreign orders and FORBIDDEN without write_orders', async () => {
    const t = get();
    const { orderId } = await placeOrder([5], 1);
    for (const query of [CANCEL, FULFILL]) {
      for (const [id, auth] of [
        ['bm9wZQ', admin],
        [orderId, await t.admin('beta', { scopes: ['write_orders'] })],
      ] as const) {
        const res = await mutate(query, { id }, auth);
        expect(res).toEqual({
          order: null,
          userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }],
        });
      }
      const readOnly = await t.graphql(query, { id: orderId }, await t.admin('alpha', { scopes: ['read_orders'] }));
      expect(readOnly.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const storefront = await t.graphql(query, { id: orderId }, t.storefront('alpha'));
      expect(storefront.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
