import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { cartWith, createVariant, rows } from './orders-fixtures';
import { ORDER_FIELDS, PAYMENT_PLUGINS, paymentTenants, type OrderData } from './payments-fixtures';

// The fake listens on a port fixed per test process: tenant files name it before the gateway starts.
const PORT = 41_000 + (process.pid % 9_000);
process.env.TEST_STRIPE_KEY = 'sk_test_fake_key';
process.env.TEST_STRIPE_WEBHOOK_SECRET = 'whsec_test_secret';
const settings = (tenant: string) => `settings:
  payments:
    providers: [stripe, manual]
    stripe:
      secretKeyEnv: TEST_STRIPE_KEY
      webhookSecretEnv: TEST_STRIPE_WEBHOOK_SECRET
      captureMethod: ${tenant === 'beta' ? 'manual' : 'automatic'}
      apiUrl: http://127.0.0.1:${PORT}
`;

const CHECKOUT = `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
  order { id } paymentSession { provider status clientSecret errorCode } userErrors { code } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

interface Session {
  provider: string;
  status: string;
  clientSecret: string | null;
  errorCode: string | null;
}

describeEachDatabase('Stripe payments', { plugins: PAYMENT_PLUGINS, tenantsDir: paymentTenants(settings) }, (get) => {
  let stripe: FakeStripe;
  let n = 0;
  beforeAll(async () => {
    stripe = await startFakeStripe('sk_test_fake_key', PORT);
  });
  afterAll(() => stripe.close());

  const adminOf = (t: TestGateway, tenant: string) =>
    t.admin(tenant, { scopes: ['read_orders', 'write_orders', 'read_customers'] });
  const endpoint = (tenant: string) => `${get().url}/plugins/payments/stripe/${tenant}`;

  async function checkOut(tenant: string, price = '20.00') {
    const t = get();
    const variant = await createVariant(t, tenant, { price, stock: [5] });
    const cart = await cartWith(
      t,
      tenant,
      [{ merchandiseId: variant.variantGid, quantity: 1 }],
      `card${++n}@example.com`,
    );
    const key = `stripe-${n}-${Date.now()}`;
    const send = async () => {
      const res = await t.graphql<{ checkoutComplete: { order: { id: string }; paymentSession: Session } }>(
        CHECKOUT,
        { cartId: cart.id, key },
        t.storefront(tenant),
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.checkoutComplete;
    };
    const first = await send();
    return { ...first, again: send, intentId: first.paymentSession.clientSecret?.split('_secret_')[0] ?? '' };
  }

  const order = async (tenant: string, id: string) =>
    (await get().graphql<{ order: OrderData }>(ORDER, { id }, await adminOf(get(), tenant))).body.data!.order;

  it('pays through a PaymentIntent: one intent per order, a verified webhook records the sale once', async () => {
    const placed = await checkOut('alpha');
    expect(placed.paymentSession).toEqual({
      provider: 'stripe',
      status: 'OPEN',
      clientSecret: expect.stringMatching(/^pi_.*_secret_/),
      errorCode: null,
    });
    expect(stripe.intents.get(placed.intentId)).toMatchObject({
      amount: 2000,
      currency: 'usd',
      capture_method: 'automatic',
    });
    // A retried checkout answers the same order and the same intent.
    const again = await placed.again();
    expect(again.paymentSession.clientSecret).toBe(placed.paymentSession.clientSecret);
    expect(
      [...stripe.intents.values()].filter((i) => i.metadata.order_id === localIdOf(placed.order.id, 'Order')),
    ).toHaveLength(1);
    const creates = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
    expect(creates.every((r) => r.idempotencyKey)).toBe(true);

    const event = stripe.confirm(placed.intentId, 'succeed');
    expect(await stripe.deliver(event, endpoint('alpha'), 'whsec_test_secret')).toBe(200);
    // A duplicate delivery changes nothing.
    expect(await stripe.deliver(event, endpoint('alpha'), 'whsec_test_secret')).toBe(200);
    expect(await order('alpha', placed.order.id)).toMatchObject({
      financialStatus: 'PAID',
      transactions: [
        { kind: 'SALE', status: 'SUCCESS', amount: { amount: '20.00' }, gateway: 'stripe', gatewayId: placed.intentId },
      ],
      customer: { numberOfOrders: 1, amountSpent: { amount: '20.00' } },
    });
  });

  it('applies out-of-order deliveries of a manual capture in the right order', async () => {
    const placed = await checkOut('beta', '15.00');
    const authorized = stripe.confirm(placed.intentId, 'succeed');
    expect(stripe.intents.get(placed.intentId)!.status).toBe('requires_capture');
    // Captured at Stripe; the later event arrives first, the earlier after it.
    Object.assign(stripe.intents.get(placed.intentId)!, {
      status: 'succeeded',
      amount_received: 1500,
      amount_capturable: 0,
    });
    const succeeded = stripe.eventFor(placed.intentId, 'payment_intent.succeeded');
    expect(await stripe.deliver(succeeded, endpoint('beta'), 'whsec_test_secret')).toBe(200);
    expect(await stripe.deliver(authorized, endpoint('beta'), 'whsec_test_secret')).toBe(200);
    const paid = await order('beta', placed.order.id);
    expect(paid.financialStatus).toBe('PAID');
    expect(paid.transactions.map((t) => [t.kind, t.amount.amount])).toEqual([
      ['AUTHORIZATION', '15.00'],
      ['CAPTURE', '15.00'],
    ]);
  });

  it('captures and refunds through Stripe with idempotency keys', async () => {
    const placed = await checkOut('beta', '30.00');
    await stripe.deliver(stripe.confirm(placed.intentId, 'succeed'), endpoint('beta'), 'whsec_test_secret');
    const admin = await adminOf(get(), 'beta');
    const capture = `mutation($id: ID!) { orderCapture(id: $id, amount: "25.00", idempotencyKey: "cap-1") { order { financialStatus } userErrors { code } } }`;
    const captured = await get().graphql<{ orderCapture: { order: { financialStatus: string } } }>(
      capture,
      { id: placed.order.id },
      admin,
    );
    expect(captured.body.data!.orderCapture.order.financialStatus).toBe('PAID');
    expect(stripe.intents.get(placed.intentId)).toMatchObject({ status: 'succeeded', amount_received: 2500 });
    const refund = `mutation($id: ID!) { refundCreate(orderId: $id, amount: "5.00", idempotencyKey: "ref-1") { order { financialStatus } userErrors { code } } }`;
    for (let i = 0; i < 2; i++) {
      const res = await get().graphql<{ refundCreate: { order: { financialStatus: string } } }>(
        refund,
        { id: placed.order.id },
        admin,
      );
      expect(res.body.data!.refundCreate.order.financialStatus).toBe('PARTIALLY_REFUNDED');
    }
    expect(stripe.refunds.filter((r) => r.payment_intent === placed.intentId).map((r) => r.amount)).toEqual([500]);
    // Every write carries a key (reconciliation also lists refunds, a read without one).
    const keys = stripe.requests
      .filter((r) => r.method === 'POST' && (r.path.endsWith('/capture') || r.path === '/v1/refunds'))
      .map((r) => r.idempotencyKey);
    expect(keys.every(Boolean)).toBe(true);
    const paid = await order('beta', placed.order.id);
    expect(paid.transactions.map((t) => [t.kind, t.amount.amount])).toEqual([
      ['AUTHORIZATION', '30.00'],
      ['CAPTURE', '25.00'],
      ['REFUND', '5.00'],
    ]);
    expect(paid.customer).toEqual({ numberOfOrders: 1, amountSpent: { amount: '20.00' } });
  });

  it('keeps a declined or 3-D Secure payment pending, and says why', async () => {
    const declined = await checkOut('alpha');
    await stripe.deliver(stripe.confirm(declined.intentId, 'decline'), endpoint('alpha'), 'whsec_test_secret');
    expect((await declined.again()).paymentSession).toMatchObject({ status: 'OPEN', errorCode: 'card_declined' });
    const held = await checkOut('alpha');
    await stripe.deliver(stripe.confirm(held.intentId, 'requires_action'), endpoint('alpha'), 'whsec_test_secret');
    expect((await held.again()).paymentSession.status).toBe('REQUIRES_ACTION');
    for (const o of [declined, held]) {
      expect(await order('alpha', o.order.id)).toMatchObject({ financialStatus: 'PENDING', transactions: [] });
    }
  });

  it('retries dropped connections with the same idempotency key, and reports an outage', async () => {
    stripe.failNext(2, 'reset');
    const placed = await checkOut('alpha');
    expect(placed.paymentSession.status).toBe('OPEN');
    const created = stripe.requests.filter((r) => r.path === '/v1/payment_intents').slice(-1);
    expect(created[0].idempotencyKey).toMatch(/:intent$/);
    stripe.failNext(10, 'error');
    const down = await checkOut('alpha');
    expect(down.paymentSession).toMatchObject({
      status: 'UNAVAILABLE',
      errorCode: 'PROVIDER_UNAVAILABLE',
      clientSecret: null,
    });
    stripe.heal();
    // The order keeps no session from the outage: asking again opens its intent.
    expect((await down.again()).paymentSession.status).toBe('OPEN');
  });

  it('refuses webhooks that are unsigned, signed with another secret, or for another tenant', async () => {
    const placed = await checkOut('alpha');
    const event = stripe.confirm(placed.intentId, 'succeed');
    expect(await stripe.deliver(event, endpoint('alpha'), 'whsec_wrong')).toBe(401);
    const unsigned = await fetch(endpoint('alpha'), { method: 'POST', body: JSON.stringify(event) });
    expect(unsigned.status).toBe(401);
    // Beta's endpoint with a valid signature finds no order of beta's for alpha's intent.
    expect(await stripe.deliver(event, endpoint('beta'), 'whsec_test_secret')).toBe(200);
    const state = await rows(
      get(),
      'alpha',
      sql`select financial_status from orders where id = ${localIdOf(placed.order.id, 'Order')}`,
    );
    expect(state).toEqual([{ financial_status: 'PENDING' }]);
  });
});
