import { sql } from 'kysely';
import type { PluginRuntime, Tenant } from '../../src/sdk';
import { fromMinor, toMinor } from './money';
import { ProviderError } from './provider';
import { providerOf } from './provider-of';
import { sessionOfOrder } from './sessions';
import type { PaymentTables } from './tables';

interface Unsettled {
  id: string;
  currency_code: string;
  /** Captured and not refunded, as numeric text. */
  net: string;
  /** Authorized, neither captured nor voided, as numeric text. */
  open: string;
}

/**
 * Settles the money of cancelled orders at their provider. `orderCancel` (orders plugin) cancels the order
 * and its statuses in the request; this job, under the same order lock, refunds what was captured and not
 * yet refunded, or voids an open authorization, with keys derived from the order (a rerun asks for nothing
 * twice), and records the transaction. A manual payment's refund is recorded as made by the shop. Orders
 * are claimed with `for update skip locked`, so instances share the work. Returns the orders settled.
 */
export async function settleCancelledOrders(runtime: PluginRuntime, tenant: Tenant): Promise<number> {
  return runtime.withTenant<PaymentTables, number>(tenant.id, async (trx) => {
    const { rows } = await sql<Unsettled>`select o.id::text id, o.currency_code, m.net::text net, m.open::text open
        from orders o
        cross join lateral (
          select coalesce(sum(amount) filter (where kind in ('CAPTURE', 'SALE')), 0)
                   - coalesce(sum(amount) filter (where kind = 'REFUND'), 0) net,
                 case when bool_or(kind in ('CAPTURE', 'SALE', 'VOID')) then 0
                      else coalesce(sum(amount) filter (where kind = 'AUTHORIZATION'), 0) end open
            from payment_transactions t
           where t.tenant_id = o.tenant_id and t.order_id = o.id and t.status = 'SUCCESS') m
       where o.tenant_id = ${tenant.id} and o.status = 'CANCELLED' and (m.net > 0 or m.open > 0)
       order by o.id limit 50 for update of o skip locked`.execute(trx);
    let settled = 0;
    for (const order of rows) {
      const session = await sessionOfOrder(trx, tenant.id, order.id);
      const provider = providerOf(tenant, session);
      const net = toMinor(order.net, order.currency_code) ?? 0;
      const refund = net > 0;
      const amount = refund ? net : (toMinor(order.open, order.currency_code) ?? 0);
      const key = `${tenant.id}:order:${order.id}:cancel`;
      let gatewayId: string | null = null;
      if (provider && session) {
        try {
          gatewayId = refund
            ? (await provider.refund(session.gateway_id, amount, key)).id
            : (await provider.void(session.gateway_id, key)).id;
        } catch (error) {
          // Declined or unreachable: the next run asks again with the same key.
          if (error instanceof ProviderError) continue;
          throw error;
        }
      }
      await trx
        .insertInto('payment_transactions')
        .values({
          tenant_id: tenant.id,
          order_id: order.id,
          kind: refund ? 'REFUND' : 'VOID',
          status: 'SUCCESS',
          amount: fromMinor(amount, order.currency_code),
          currency_code: order.currency_code,
          gateway: provider?.name ?? 'manual',
          gateway_id: gatewayId,
          idempotency_key: `cancel:${order.id}`,
        })
        .execute();
      settled++;
    }
    return settled;
  });
}
