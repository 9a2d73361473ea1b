import { sql } from 'kysely';
import type { PluginRuntime, Tenant } from '../../src/sdk';
import { providerOf } from './provider-of';
import { reconcilePayment } from './reconcile';
import { releaseUnpaidOrder } from './release-stock';
import { sessionOfOrder } from './sessions';
import { paymentsSettings } from './settings';
import type { PaymentTables } from './tables';

/**
 * Releases the stock of the tenant's orders still unpaid `reservationMinutes` after checkout. Orders are
 * claimed with `for update skip locked`, so instances share the work and never take one order twice.
 * A Stripe payment that did arrive (its webhook lost) is recorded instead; an open one is cancelled at
 * Stripe first, so it can no longer be paid. Returns the orders cancelled.
 */
export async function expireUnpaidOrders(runtime: PluginRuntime, tenant: Tenant, now: number): Promise<number> {
  const cutoff = new Date(now - paymentsSettings(tenant).reservationMinutes * 60_000);
  return runtime.withTenant<PaymentTables, number>(tenant.id, async (trx) => {
    const { rows } = await sql<{ id: string }>`select id::text id from orders
      where tenant_id = ${tenant.id} and status = 'OPEN' and financial_status = 'PENDING' and created_at < ${cutoff}
      order by id limit 50 for update skip locked`.execute(trx);
    let expired = 0;
    for (const { id } of rows) {
      const session = await sessionOfOrder(trx, tenant.id, id);
      const provider = providerOf(runtime.paymentProviders ?? new Map(), tenant, session);
      if (provider && session) {
        const payment = await provider.retrieve(session.gateway_id);
        if (payment.status === 'authorized' || payment.status === 'succeeded') {
          await reconcilePayment(trx, tenant.id, id, session.gateway, payment);
          continue;
        }
        if (payment.status !== 'canceled') await provider.void(session.gateway_id, `${tenant.id}:order:${id}:expire`);
      }
      await releaseUnpaidOrder(trx, tenant.id, id);
      expired++;
    }
    return expired;
  });
}
