import { sql, type Kysely } from 'kysely';
import type Stripe from 'stripe';
import { sweepRecentRefunds } from '../../connectors/payments/sweep-refunds';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';
import { describeEachDatabase } from '../kit/each-database';
import { cartWith, createVariant, stockOf, type VariantFixture } from './orders-fixtures';
import { ORDER_FIELDS, PAYMENT_PLUGINS, paymentTenants, settleCancelled, type OrderData } from './payments-fixtures';

// Stripe refunded, then the request's own commit failed: the refund's webhooks repair the books.
const PORT = 41_000 + ((process.pid + 5_120) % 9_000);
process.env.TEST_LOST_STRIPE_KEY = 'sk_test_lost_key';
process.env.TEST_LOST_STRIPE_SECRET = 'whsec_lost_secret';
const settings = () => `settings:
  payments:
    providers: [stripe, manual]
    stripe:
      secretKeyEnv: TEST_LOST_STRIPE_KEY
      webhookSecretEnv: TEST_LOST_STRIPE_SECRET
      apiUrl: http://127.0.0.1:${PORT}
`;

const CHECKOUT = `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
  order { id } paymentSession { clientSecret } userErrors { code } } }`;
const CANCEL = `mutation($id: ID!) { orderCancel(id: $id) { order { status } userErrors { code } } }`;
const FULFILL = `mutation($id: ID!) { orderFulfill(id: $id) { order { fulfillmentStatus } userErrors { code } } }`;
const REFUND = `mutation($id: ID!, $amount: Decimal!, $key: String!) {
  refundCreate(orderId: $id, amount: $amount, idempotencyKey: $key) { order { financialStatus } userErrors { code } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

/**
 * Makes the next commit that writes `when` fail: a deferred constraint trigger raises at COMMIT, after
 * every statement of the request (the provider call included) succeeded. Returns its removal.
 */
async function failCommitWhen(db: Kysely<unknown>, table: string, when: string): Promise<() => Promise<void>> {
  await sql`create or replace function lose_commit() returns trigger language plpgsql as $$
    begin raise exception 'the database went away'; end $$`.execute(db);
  await sql`create constraint trigger lose_commit after insert or update on ${sql.table(table)}
    deferrable initially deferred for each row when (${sql.raw(when)}) execute function lose_commit()`.execute(db);
  return async () => {
    await sql`drop trigger lose_commit on ${sql.table(table)}`.execute(db);
    await sql`drop function lose_commit()`.execute(db);
  };
}

describeEachDatabase(
  'a refund whose commit was lost is recovered from Stripe',
  { plugins: PAYMENT_PLUGINS, tenantsDir: paymentTenants(settings) },
  (get) => {
    let stripe: FakeStripe;
    let n = 0;
    beforeAll(async () => {
      stripe = await startFakeStripe('sk_test_lost_key', PORT);
    });
    afterAll(() => stripe.close());

    const admin = () => get().admin('alpha', { scopes: ['read_orders', 'write_orders', 'read_customers'] });
    const endpoint = () => `${get().url}/plugins/payments/stripe/alpha`;
    const order = async (id: string) =>
      (await get().graphql<{ order: OrderData }>(ORDER, { id }, await admin())).body.data!.order;
    const refundsOf = (intentId: string) => stripe.refunds.filter((r) => r.payment_intent === intentId);
    const books = async (id: string) =>
      (await order(id)).transactions.map((x) => [x.kind, x.amount.amount, x.gatewayId]);
    const cancelledEvents = async (orderGid: string) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int n from gateway_events
        where topic = 'ORDERS_CANCELLED' and payload->>'id' = ${orderGid}`.execute(get().gateway.runtime.db);
      return rows[0].n;
    };
    const sweep = (now: number) => {
      const { runtime } = get().gateway;
      return sweepRecentRefunds(
        runtime,
        runtime.tenants().find((x) => x.id === 'alpha')!,
        now,
      );
    };
    /**
     * Delivers the one event of `type` of the two Stripe queued for a refund (either alone must repair
     * the books); returns both, for duplicate deliveries.
     */
    const deliverQueued = async (type: 'refund.created' | 'charge.refunded') => {
      const events: Stripe.Event[] = stripe.queued.splice(0);
      expect(events.map((e) => e.type)).toEqual(['refund.created', 'charge.refunded']);
      const event = events.find((e) => e.type === type)!;
      expect(await stripe.deliver(event, endpoint(), 'whsec_lost_secret')).toBe(200);
      return events;
    };

    /** Two units at 12.00 checked out and paid at Stripe, its webhook delivered. */
    async function paid(): Promise<{ id: string; intentId: string; variant: VariantFixture }> {
      const t = get();
      const variant = await createVariant(t, 'alpha', { price: '12.00', stock: [5] });
      const cart = await cartWith(
        t,
        'alpha',
        [{ merchandiseId: variant.variantGid, quantity: 2 }],
        `l${++n}@example.com`,
      );
      const res = await t.graphql<{
        checkoutComplete: { order: { id: string }; paymentSession: { clientSecret: string } };
      }>(CHECKOUT, { cartId: cart.id, key: `lost-${n}-${Date.now()}` }, t.storefront('alpha'));
      const { order: placed, paymentSession } = res.body.data!.checkoutComplete;
      const intentId = paymentSession.clientSecret.split('_secret_')[0];
      expect(await stripe.deliver(stripe.confirm(intentId, 'succeed'), endpoint(), 'whsec_lost_secret')).toBe(200);
      stripe.queued.splice(0);
      return { id: placed.id, intentId, variant };
    }

    /** orderCancel whose commit fails after Stripe refunded: the request fails and nothing of it stays. */
    async function cancelWithLostCommit(placed: { id: string; intentId: string }) {
      const restore = await failCommitWhen(get().gateway.runtime.db, 'orders', `new.status = 'CANCELLED'`);
      try {
        const res = await get().graphql<{ orderCancel: unknown }>(CANCEL, { id: placed.id }, await admin());
        expect(res.body.errors?.length).toBeGreaterThan(0);
      } finally {
        await restore();
      }
      expect(refundsOf(placed.intentId).map((r) => r.amount)).toEqual([2400]);
    }

    it('completes a cancel whose commit was lost: cancelled, restocked and refunded once', async () => {
      const placed = await paid();
      await cancelWithLostCommit(placed);
      // The order is still open and paid, though Stripe holds a full refund; the settlement job sees nothing.
      expect(await order(placed.id)).toMatchObject({
        status: 'OPEN',
        financialStatus: 'PAID',
        customer: { numberOfOrders: 1, amountSpent: { amount: '24.00' } },
      });
      expect(await stockOf(get(), 'alpha', placed.variant)).toEqual([3]);
      expect(await settleCancelled(get(), 'alpha')).toBe(0);

      const events = await deliverQueued('refund.created');
      const [refund] = refundsOf(placed.intentId);
      const repaired = {
        status: 'CANCELLED',
        financialStatus: 'REFUNDED',
        customer: { numberOfOrders: 1, amountSpent: { amount: '0.00' } },
      };
      expect(await order(placed.id)).toMatchObject(repaired);
      expect(await books(placed.id)).toEqual([
        ['SALE', '24.00', placed.intentId],
        ['REFUND', '24.00', refund.id],
      ]);
      expect(await stockOf(get(), 'alpha', placed.variant)).toEqual([5]);
      expect(await cancelledEvents(placed.id)).toBe(1);

      // Delivered again: nothing changes, and nothing is left to settle or refund.
      for (const e of events) expect(await stripe.deliver(e, endpoint(), 'whsec_lost_secret')).toBe(200);
      expect(await order(placed.id)).toMatchObject(repaired);
      expect(await books(placed.id)).toHaveLength(2);
      expect(await stockOf(get(), 'alpha', placed.variant)).toEqual([5]);
      expect(await cancelledEvents(placed.id)).toBe(1);
      expect(await settleCancelled(get(), 'alpha')).toBe(0);
      expect(refundsOf(placed.intentId)).toHaveLength(1);
    });

    it('records a lost cancel refund of an order fulfilled meanwhile as a refund, not a cancel', async () => {
      const placed = await paid();
      await cancelWithLostCommit(placed);
      const shipped = await get().graphql<{ orderFulfill: { userErrors: unknown[] } }>(
        FULFILL,
        { id: placed.id },
        await admin(),
      );
      expect(shipped.body.data!.orderFulfill.userErrors).toEqual([]);
      await deliverQueued('refund.created');
      expect(await order(placed.id)).toMatchObject({
        status: 'OPEN',
        fulfillmentStatus: 'FULFILLED',
        financialStatus: 'REFUNDED',
        customer: { numberOfOrders: 1, amountSpent: { amount: '0.00' } },
      });
      expect((await books(placed.id)).map(([kind, amount]) => [kind, amount])).toEqual([
        ['SALE', '24.00'],
        ['REFUND', '24.00'],
      ]);
      expect(await cancelledEvents(placed.id)).toBe(0);
    });

    it('repairs a lost cancel whose webhook never came with the sweep of recent refunds', async () => {
      const placed = await paid();
      await cancelWithLostCommit(placed);
      stripe.queued.splice(0);
      // Refunds older than the sweep's window are not looked at.
      expect(await sweep(Date.now() + 3 * 60 * 60_000)).toBe(0);
      expect((await order(placed.id)).financialStatus).toBe('PAID');

      expect(await sweep(Date.now())).toBe(1);
      expect(await order(placed.id)).toMatchObject({ status: 'CANCELLED', financialStatus: 'REFUNDED' });
      expect((await books(placed.id)).map(([kind]) => kind)).toEqual(['SALE', 'REFUND']);
      expect(await stockOf(get(), 'alpha', placed.variant)).toEqual([5]);
      expect(await cancelledEvents(placed.id)).toBe(1);
      // Everything the provider holds is recorded now: the next sweep finds nothing.
      expect(await sweep(Date.now())).toBe(0);
      expect(refundsOf(placed.intentId)).toHaveLength(1);
    });

    it('records a refundCreate whose commit was lost on the next webhook; its retry refunds nothing more', async () => {
      const placed = await paid();
      const restore = await failCommitWhen(get().gateway.runtime.db, 'payment_transactions', `new.kind = 'REFUND'`);
      try {
        const res = await get().graphql(REFUND, { id: placed.id, amount: '10.00', key: 'lost-r1' }, await admin());
        expect(res.body.errors?.length).toBeGreaterThan(0);
      } finally {
        await restore();
      }
      expect(refundsOf(placed.intentId).map((r) => r.amount)).toEqual([1000]);
      expect((await order(placed.id)).financialStatus).toBe('PAID');

      await deliverQueued('charge.refunded');
      const [refund] = refundsOf(placed.intentId);
      expect(await order(placed.id)).toMatchObject({
        financialStatus: 'PARTIALLY_REFUNDED',
        customer: { numberOfOrders: 1, amountSpent: { amount: '14.00' } },
      });
      expect(await books(placed.id)).toEqual([
        ['SALE', '24.00', placed.intentId],
        ['REFUND', '10.00', refund.id],
      ]);

      // The client retries with its key: the refund is found in the books, not made again.
      const retried = await get().graphql<{ refundCreate: { userErrors: unknown[] } }>(
        REFUND,
        { id: placed.id, amount: '10.00', key: 'lost-r1' },
        await admin(),
      );
      expect(retried.body.data!.refundCreate).toEqual({
        order: { financialStatus: 'PARTIALLY_REFUNDED' },
        userErrors: [],
      });
      expect(refundsOf(placed.intentId)).toHaveLength(1);
      expect(await books(placed.id)).toHaveLength(2);
    });
  },
);
