import { sql } from 'kysely';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';
import { describeEachDatabase } from '../kit/each-database';
import { cartWith, createVariant, stockOf, type VariantFixture } from './orders-fixtures';
import { ORDER_FIELDS, PAYMENT_PLUGINS, paymentTenants, settleCancelled, type OrderData } from './payments-fixtures';

// alpha captures automatically, beta authorizes and captures later; both through the fake Stripe.
const PORT = 41_000 + ((process.pid + 2_250) % 9_000);
process.env.TEST_CANCEL_STRIPE_KEY = 'sk_test_cancel_key';
process.env.TEST_CANCEL_STRIPE_SECRET = 'whsec_cancel_secret';
const settings = (tenant: string) => `settings:
  payments:
    providers: [stripe, manual]
    stripe:
      secretKeyEnv: TEST_CANCEL_STRIPE_KEY
      webhookSecretEnv: TEST_CANCEL_STRIPE_SECRET
      captureMethod: ${tenant === 'beta' ? 'manual' : 'automatic'}
      apiUrl: http://127.0.0.1:${PORT}
`;

const CHECKOUT = `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
  order { id } paymentSession { clientSecret } userErrors { code } } }`;
const CANCEL = `mutation($id: ID!) { orderCancel(id: $id) {
  order { status financialStatus } job { done } userErrors { code } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

/** A paid order cancelled and restocked whose refund the settlement job still owes. */
const cancelledPending = {
  order: { status: 'CANCELLED', financialStatus: 'REFUNDED' },
  job: { done: false },
  userErrors: [],
};

type CancelPayload = {
  order: { status: string; financialStatus: string } | null;
  job: { done: boolean } | null;
  userErrors: { code: string }[];
};

describeEachDatabase(
  'orderCancel settles at the provider',
  { plugins: PAYMENT_PLUGINS, tenantsDir: paymentTenants(settings) },
  (get) => {
    let stripe: FakeStripe;
    let n = 0;
    beforeAll(async () => {
      stripe = await startFakeStripe('sk_test_cancel_key', PORT);
    });
    afterAll(() => stripe.close());

    const admin = (tenant: string) => get().admin(tenant, { scopes: ['read_orders', 'write_orders'] });
    const cancel = async (tenant: string, id: string) => {
      const res = await get().graphql<{ orderCancel: CancelPayload }>(CANCEL, { id }, await admin(tenant));
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.orderCancel;
    };
    const order = async (tenant: string, id: string) =>
      (await get().graphql<{ order: OrderData }>(ORDER, { id }, await admin(tenant))).body.data!.order;
    const settle = (tenant: string) => settleCancelled(get(), tenant);
    const refundsOf = (intentId: string) => stripe.refunds.filter((r) => r.payment_intent === intentId);

    /** Two units at 12.00 checked out and paid (alpha) or authorized (beta) at Stripe, its webhook delivered. */
    async function paid(tenant: string): Promise<{ id: string; intentId: string; variant: VariantFixture }> {
      const t = get();
      const variant = await createVariant(t, tenant, { price: '12.00', stock: [5] });
      const cart = await cartWith(
        t,
        tenant,
        [{ merchandiseId: variant.variantGid, quantity: 2 }],
        `c${++n}@example.com`,
      );
      const res = await t.graphql<{
        checkoutComplete: { order: { id: string }; paymentSession: { clientSecret: string } };
      }>(CHECKOUT, { cartId: cart.id, key: `cancel-${n}-${Date.now()}` }, t.storefront(tenant));
      const { order: placed, paymentSession } = res.body.data!.checkoutComplete;
      const intentId = paymentSession.clientSecret.split('_secret_')[0];
      const endpoint = `${t.url}/plugins/payments/stripe/${tenant}`;
      expect(await stripe.deliver(stripe.confirm(intentId, 'succeed'), endpoint, 'whsec_cancel_secret')).toBe(200);
      return { id: placed.id, intentId, variant };
    }

    it('refunds a paid order at Stripe within the request and answers the final status', async () => {
      const placed = await paid('alpha');
      expect(await cancel('alpha', placed.id)).toEqual({
        order: { status: 'CANCELLED', financialStatus: 'REFUNDED' },
        job: { done: true },
        userErrors: [],
      });
      expect(refundsOf(placed.intentId).map((r) => r.amount)).toEqual([2400]);
      const keys = stripe.requests
        .filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
        .map((r) => r.idempotencyKey);
      expect(keys.at(-1)).toMatch(/:cancel$/);
      expect((await order('alpha', placed.id)).transactions.map((x) => [x.kind, x.amount.amount, x.gateway])).toEqual([
        ['SALE', '24.00', 'stripe'],
        ['REFUND', '24.00', 'stripe'],
      ]);
      expect(await stockOf(get(), 'alpha', placed.variant)).toEqual([5]);
      // Nothing is left for the job.
      expect(await settle('alpha')).toBe(0);
      expect(refundsOf(placed.intentId)).toHaveLength(1);
    });

    it('voids an open authorization within the request', async () => {
      const placed = await paid('beta');
      expect((await order('beta', placed.id)).financialStatus).toBe('AUTHORIZED');
      expect(await cancel('beta', placed.id)).toEqual({
        order: { status: 'CANCELLED', financialStatus: 'VOIDED' },
        job: { done: true },
        userErrors: [],
      });
      expect(stripe.intents.get(placed.intentId)?.status).toBe('canceled');
      expect((await order('beta', placed.id)).transactions.map((x) => x.kind)).toEqual(['AUTHORIZATION', 'VOID']);
    });

    it('cancels and restocks when Stripe fails, says the settlement is pending, and the job settles it', async () => {
      const placed = await paid('alpha');
      stripe.failNext(20, 'error');
      try {
        expect(await cancel('alpha', placed.id)).toEqual(cancelledPending);
      } finally {
        stripe.heal();
      }
      expect(await stockOf(get(), 'alpha', placed.variant)).toEqual([5]);
      expect(refundsOf(placed.intentId)).toEqual([]);
      expect((await order('alpha', placed.id)).transactions.map((x) => x.kind)).toEqual(['SALE']);
      expect(await settle('alpha')).toBeGreaterThanOrEqual(1);
      expect(refundsOf(placed.intentId).map((r) => r.amount)).toEqual([2400]);
      expect((await order('alpha', placed.id)).transactions.map((x) => x.kind)).toEqual(['SALE', 'REFUND']);
    });

    it('recovers a refund whose record was lost after Stripe answered: one refund, not two', async () => {
      const placed = await paid('alpha');
      const db = get().gateway.runtime.db;
      await sql`create or replace function refuse_refund_record() returns trigger language plpgsql as $$
        begin if new.kind = 'REFUND' then raise exception 'local write failed'; end if; return new; end $$`.execute(db);
      await sql`create trigger refuse_refund_record before insert on payment_transactions
        for each row execute function refuse_refund_record()`.execute(db);
      try {
        expect(await cancel('alpha', placed.id)).toEqual(cancelledPending);
      } finally {
        await sql`drop trigger refuse_refund_record on payment_transactions`.execute(db);
        await sql`drop function refuse_refund_record()`.execute(db);
      }
      // Stripe refunded; our books do not know it yet.
      expect(refundsOf(placed.intentId)).toHaveLength(1);
      const key = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds').at(-1)!.idempotencyKey;
      expect((await order('alpha', placed.id)).transactions.map((x) => x.kind)).toEqual(['SALE']);
      expect(await settle('alpha')).toBeGreaterThanOrEqual(1);
      // The job asked with the same key: Stripe replayed its answer, and the refund is recorded once.
      expect(refundsOf(placed.intentId).map((r) => r.amount)).toEqual([2400]);
      expect(stripe.requests.filter((r) => r.path === '/v1/refunds' && r.idempotencyKey === key)).toHaveLength(2);
      expect((await order('alpha', placed.id)).transactions.map((x) => [x.kind, x.gatewayId !== null])).toEqual([
        ['SALE', true],
        ['REFUND', true],
      ]);
      expect(await settle('alpha')).toBe(0);
    });
  },
);
