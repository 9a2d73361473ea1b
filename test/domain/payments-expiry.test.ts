import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { expireUnpaidOrders } from '../../connectors/payments/expire-unpaid';
import { describeEachDatabase } from '../kit/each-database';
import { testClock } from '../kit/clock';
import { rows, stockOf } from './orders-fixtures';
import { PAYMENT_PLUGINS, paymentTenants, placeOrder } from './payments-fixtures';

const MARK_PAID = `mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }`;

describeEachDatabase(
  'unpaid orders release their stock',
  { plugins: PAYMENT_PLUGINS, tenantsDir: paymentTenants() },
  (get) => {
    it('cancels orders still unpaid after the window (PAYMENT_TIMEOUT), restocks them, and leaves paid ones', async () => {
      const t = get();
      const clock = testClock();
      const admin = await t.admin('alpha', { scopes: ['read_orders', 'write_orders'] });
      const unpaid = await placeOrder(t, 'alpha', 2, '5.00', [3]);
      const paid = await placeOrder(t, 'alpha', 1, '5.00', [3]);
      await t.graphql(MARK_PAID, { id: paid.orderId }, admin);
      const tenant = t.gateway.runtime.tenants().find((x) => x.id === 'alpha')!;
      const runtime = t.gateway.runtime;
      // Within the default 30 minutes nothing happens.
      clock.freeze(Date.now() + 29 * 60_000);
      expect(await expireUnpaidOrders(runtime, tenant, clock.now())).toBe(0);
      expect(await stockOf(t, 'alpha', unpaid.variant)).toEqual([1]);
      clock.advance(2 * 60_000);
      // Two runs at once (two instances): each order is taken once.
      const counts = await Promise.all([
        expireUnpaidOrders(runtime, tenant, clock.now()),
        expireUnpaidOrders(runtime, tenant, clock.now()),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await stockOf(t, 'alpha', unpaid.variant)).toEqual([3]);
      expect(await stockOf(t, 'alpha', paid.variant)).toEqual([2]);
      const state = await rows(
        t,
        'alpha',
        sql`select status, financial_status, cancel_reason from orders
        where id in (${localIdOf(unpaid.orderId, 'Order')}, ${localIdOf(paid.orderId, 'Order')}) order by id`,
      );
      expect(state).toEqual([
        { status: 'CANCELLED', financial_status: 'VOIDED', cancel_reason: 'PAYMENT_TIMEOUT' },
        { status: 'OPEN', financial_status: 'PAID', cancel_reason: null },
      ]);
      const history = await rows(
        t,
        'alpha',
        sql`select delta, reason from inventory_adjustments where variant_id = ${unpaid.variant.variantId} order by id`,
      );
      expect(history).toEqual([
        { delta: -2, reason: 'checkout' },
        { delta: 2, reason: 'payment_timeout' },
      ]);
      // Paying it now is refused: the order is cancelled.
      const late = await t.graphql<{ orderMarkAsPaid: { userErrors: { code: string }[] } }>(
        MARK_PAID,
        { id: unpaid.orderId },
        admin,
      );
      expect(late.body.data!.orderMarkAsPaid.userErrors).toEqual([{ code: 'ALREADY_CANCELLED' }]);
    });
  },
);
