import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { rows } from './orders-fixtures';
import { ORDER_FIELDS, type OrderData, PAYMENT_PLUGINS, paymentTenants, placeOrder } from './payments-fixtures';

const MARK_PAID = `mutation($id: ID!, $key: String) { orderMarkAsPaid(id: $id, idempotencyKey: $key) {
  order { ${ORDER_FIELDS} } userErrors { field code message } } }`;
const CANCEL = `mutation($id: ID!) { orderCancel(id: $id) { order { financialStatus } userErrors { code } } }`;

type Payload = { order: OrderData | null; userErrors: { field: string[]; code: string }[] };

describeEachDatabase('manual payments', { plugins: PAYMENT_PLUGINS, tenantsDir: paymentTenants() }, (get) => {
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = await get().admin('alpha', { scopes: ['read_orders', 'write_orders', 'read_customers'] });
  });

  const markPaid = async (id: string, key?: string, auth = admin) => {
    const res = await get().graphql<{ orderMarkAsPaid: Payload }>(MARK_PAID, { id, key }, auth);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.orderMarkAsPaid;
  };

  it('marks a pending order paid once: a sale transaction, and the customer statistics count it', async () => {
    const { orderId } = await placeOrder(get(), 'alpha', 2, '12.50');
    const before = await get().graphql<{ order: OrderData }>(
      `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      { id: orderId },
      admin,
    );
    expect(before.body.data!.order).toMatchObject({
      financialStatus: 'PENDING',
      transactions: [],
      customer: { numberOfOrders: 0, amountSpent: { amount: '0.00' } },
    });
    const paid = await markPaid(orderId, 'pay-1');
    expect(paid.userErrors).toEqual([]);
    expect(paid.order).toMatchObject({
      financialStatus: 'PAID',
      transactions: [
        {
          kind: 'SALE',
          status: 'SUCCESS',
          amount: { amount: '25.00', currencyCode: 'USD' },
          gateway: 'manual',
          gatewayId: null,
        },
      ],
      customer: { numberOfOrders: 1, amountSpent: { amount: '25.00' } },
    });
    // A retry with the same key writes nothing more; a new key finds the order already paid.
    const retried = await markPaid(orderId, 'pay-1');
    expect(retried.userErrors).toEqual([]);
    expect(retried.order!.transactions).toHaveLength(1);
    expect(retried.order!.customer).toEqual({ numberOfOrders: 1, amountSpent: { amount: '25.00' } });
    const again = await markPaid(orderId, 'pay-2');
    expect(again).toEqual({
      order: null,
      userErrors: [{ field: ['id'], code: 'NOT_ALLOWED', message: expect.any(String) }],
    });
  });

  it('counts concurrent marks once', async () => {
    const { orderId, email } = await placeOrder(get(), 'alpha', 1, '3.00');
    const results = await Promise.all([markPaid(orderId), markPaid(orderId), markPaid(orderId)]);
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    const stats = await rows(
      get(),
      'alpha',
      sql`select orders_count, amount_spent from customers where email = ${email}`,
    );
    expect(stats).toEqual([{ orders_count: 1, amount_spent: '3.00' }]);
    const tx = await rows(
      get(),
      'alpha',
      sql`select count(*)::int n from payment_transactions where order_id = ${localIdOf(orderId, 'Order')}`,
    );
    expect(tx).toEqual([{ n: 1 }]);
  });

  it('does not pay a cancelled order, and a cancelled unpaid order never counted', async () => {
    const { orderId, email } = await placeOrder(get(), 'alpha', 1, '4.00');
    await get().graphql(CANCEL, { id: orderId }, admin);
    const res = await markPaid(orderId);
    expect(res.userErrors).toEqual([{ field: ['id'], code: 'ALREADY_CANCELLED', message: expect.any(String) }]);
    const stats = await rows(
      get(),
      'alpha',
      sql`select orders_count, amount_spent from customers where email = ${email}`,
    );
    expect(stats).toEqual([{ orders_count: 0, amount_spent: '0' }]);
  });

  it("answers NOT_FOUND for another tenant's order and FORBIDDEN without write_orders", async () => {
    const { orderId } = await placeOrder(get(), 'alpha', 1, '5.00');
    const beta = await get().admin('beta', { scopes: ['write_orders', 'read_orders'] });
    expect(await markPaid(orderId, undefined, beta)).toEqual({
      order: null,
      userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }],
    });
    const reader = await get().admin('alpha', { scopes: ['read_orders'] });
    const res = await get().graphql(MARK_PAID, { id: orderId }, reader);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const state = await rows(
      get(),
      'alpha',
      sql`select financial_status from orders where id = ${localIdOf(orderId, 'Order')}`,
    );
    expect(state).toEqual([{ financial_status: 'PENDING' }]);
  });
});
