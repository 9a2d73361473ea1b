import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { rows } from './orders-fixtures';
import { ORDER_FIELDS, PAYMENT_PLUGINS, paymentTenants, placeOrder, type OrderData } from './payments-fixtures';

const MARK_PAID = `mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }`;
const REFUND = `mutation($id: ID!, $amount: Decimal!, $key: String!, $lines: [RefundLineInput!]) {
  refundCreate(orderId: $id, amount: $amount, idempotencyKey: $key, lines: $lines) {
    order { ${ORDER_FIELDS} } userErrors { field code message } } }`;
const CAPTURE = `mutation($id: ID!, $key: String!) { orderCapture(id: $id, idempotencyKey: $key) { userErrors { code } } }`;

type Payload = { order: OrderData | null; userErrors: { field: string[]; code: string }[] };

describeEachDatabase('refunds and captures', { plugins: PAYMENT_PLUGINS, tenantsDir: paymentTenants() }, (get) => {
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = await get().admin('alpha', { scopes: ['read_orders', 'write_orders', 'read_customers'] });
  });
  const refund = async (id: string, amount: string, key: string) => {
    const res = await get().graphql<{ refundCreate: Payload }>(REFUND, { id, amount, key }, admin);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.refundCreate;
  };

  it('refunds in parts down to REFUNDED, idempotently, and takes refunds off the amount spent', async () => {
    const { orderId } = await placeOrder(get(), 'alpha', 2, '10.00');
    expect(await refund(orderId, '1.00', 'early')).toMatchObject({ userErrors: [{ code: 'NOT_ALLOWED' }] });
    await get().graphql(MARK_PAID, { id: orderId }, admin);
    const part = await refund(orderId, '7.50', 'r1');
    expect(part.order).toMatchObject({
      financialStatus: 'PARTIALLY_REFUNDED',
      customer: { numberOfOrders: 1, amountSpent: { amount: '12.50' } },
    });
    expect((await refund(orderId, '7.50', 'r1')).order!.transactions).toHaveLength(2);
    expect(await refund(orderId, '12.51', 'r2')).toMatchObject({
      order: null,
      userErrors: [{ code: 'AMOUNT_TOO_LARGE' }],
    });
    expect(await refund(orderId, '1.005', 'r3')).toMatchObject({ userErrors: [{ code: 'INVALID' }] });
    const rest = await refund(orderId, '12.50', 'r4');
    expect(rest.order).toMatchObject({
      financialStatus: 'REFUNDED',
      customer: { numberOfOrders: 1, amountSpent: { amount: '0.00' } },
    });
    expect(rest.order!.transactions.map((t) => [t.kind, t.amount.amount])).toEqual([
      ['SALE', '20.00'],
      ['REFUND', '7.50'],
      ['REFUND', '12.50'],
    ]);
  });

  it('never refunds more than was captured when refunds race', async () => {
    const { orderId } = await placeOrder(get(), 'alpha', 1, '10.00');
    await get().graphql(MARK_PAID, { id: orderId }, admin);
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((k) => refund(orderId, '6.00', `race-${k}-${orderId}`)));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'AMOUNT_TOO_LARGE')).toHaveLength(3);
    const [sum] = await rows<{ refunded: string }>(
      get(),
      'alpha',
      sql`select sum(amount)::text refunded from payment_transactions where order_id = ${localIdOf(orderId, 'Order')} and kind = 'REFUND'`,
    );
    expect(sum.refunded).toBe('6.00');
  });

  it('refuses to capture an order that is not authorized', async () => {
    const { orderId } = await placeOrder(get(), 'alpha', 1, '10.00');
    const res = await get().graphql<{ orderCapture: Payload }>(CAPTURE, { id: orderId, key: 'c1' }, admin);
    expect(res.body.data!.orderCapture.userErrors).toEqual([{ code: 'NOT_ALLOWED' }]);
  });
});
