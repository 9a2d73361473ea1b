import { sql, type Kysely } from 'kysely';
import { ProviderError, type PaymentProviders, type PluginRuntime, type Tenant } from '../../src/sdk';
import { cancelProviderKey, recordCancelMoney } from './cancel-record';
import { toMinor } from './money';
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

/** Cancelled orders of the tenant with money to settle (all, or the one `orderId`), locked. */
function unsettled(trx: Kysely<PaymentTables>, tenantId: string, only: { orderId: string } | { claim: number }) {
  const which = 'orderId' in only ? sql`and o.id = ${only.orderId}` : sql``;
  const lock = 'orderId' in only ? sql`for update of o` : sql`limit ${only.claim} for update of o skip locked`;
  return sql<Unsettled>`select o.id::text id, o.currency_code, m.net::text net, m.open::text open
      from orders o
      cross join lateral (
        select coalesce(sum(amount) filter (where kind in ('CAPTURE', 'SALE')), 0)
                 - coalesce(sum(amount) filter (where kind = 'REFUND'), 0) net,
               case when bool_or(kind in ('CAPTURE', 'SALE', 'VOID')) then 0
                    else coalesce(sum(amount) filter (where kind = 'AUTHORIZATION'), 0) end open
          from payment_transactions t
         where t.tenant_id = o.tenant_id and t.order_id = o.id and t.status = 'SUCCESS') m
     where o.tenant_id = ${tenantId} and o.status = 'CANCELLED' and (m.net > 0 or m.open > 0) ${which}
     order by o.id ${lock}`.execute(trx);
}

/** What settling a cancelled order asks of its provider (none: a manual payment) and then records. */
export interface Settlement {
  order: Unsettled;
  kind: 'REFUND' | 'VOID';
  amount: number;
  call: (() => Promise<string>) | null;
  gateway: string;
}

/**
 * How a cancelled order is settled: what it captured and did not refund is refunded, else its open
 * authorization voided, at its provider. The provider key is derived from the order, so whoever asks
 * again (the request, then the job) moves money once.
 */
async function settlementOf(
  trx: Kysely<PaymentTables>,
  providers: PaymentProviders,
  tenant: Tenant,
  order: Unsettled,
): Promise<Settlement> {
  const session = await sessionOfOrder(trx, tenant.id, order.id);
  const provider = providerOf(providers, tenant, session);
  const refund = (toMinor(order.net, order.currency_code) ?? 0) > 0;
  const amount = toMinor(refund ? order.net : order.open, order.currency_code) ?? 0;
  const key = cancelProviderKey(tenant.id, order.id);
  const call =
    provider && session
      ? async () =>
          refund
            ? (await provider.refund(session.gateway_id, amount, key)).id
            : (await provider.void(session.gateway_id, key)).id
      : null;
  return { order, kind: refund ? 'REFUND' : 'VOID', amount, call, gateway: provider?.name ?? 'manual' };
}

/** Records a settlement the provider made (`gatewayId`), or the shop's own for a manual payment. */
export function recordSettlement(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  s: Settlement,
  gatewayId: string | null,
): Promise<void> {
  const { order, kind, amount, gateway } = s;
  return recordCancelMoney(trx, tenantId, {
    orderId: order.id,
    kind,
    amount,
    currency: order.currency_code,
    gateway,
    gatewayId,
  });
}

/** The settlement an order cancelled in this transaction needs (its lock is held); null when nothing is owed. */
export async function cancelledOrderSettlement(
  trx: Kysely<PaymentTables>,
  providers: PaymentProviders,
  tenant: Tenant,
  orderId: string,
): Promise<Settlement | null> {
  const { rows } = await unsettled(trx, tenant.id, { orderId });
  return rows[0] ? settlementOf(trx, providers, tenant, rows[0]) : null;
}

/**
 * The `payments-settle-cancellations` job's work for a tenant: cancelled orders whose money `orderCancel`
 * could not settle in its request (the provider failed, or the record was lost after it answered), claimed
 * with `for update skip locked` so instances share them. Returns the orders settled.
 */
export async function settleCancelledOrders(runtime: PluginRuntime, tenant: Tenant): Promise<number> {
  return runtime.withTenant<PaymentTables, number>(tenant.id, async (trx) => {
    const { rows } = await unsettled(trx, tenant.id, { claim: 50 });
    let settled = 0;
    for (const order of rows) {
      const settlement = await settlementOf(trx, runtime.paymentProviders ?? new Map(), tenant, order);
      try {
        await recordSettlement(trx, tenant.id, settlement, settlement.call ? await settlement.call() : null);
        settled++;
      } catch (error) {
        // Declined or unreachable: the next run asks again with the same key.
        if (!(error instanceof ProviderError)) throw error;
      }
    }
    return settled;
  });
}
