import type { Kysely } from 'kysely';
import type { OrderCancellation, ProviderRefund } from '../../src/sdk';
import { cancelProviderKey, cancelRecordKey, recordCancelMoney } from './cancel-record';
import { commitEvent } from './commit-event';
import { transactionByKey } from './find-transaction';
import { loadOrderForUpdate, type LoadedOrder } from './order-state';
import type { PaymentTables } from './tables';

/** A refund that moved or will move money (a failed or cancelled one never does). */
export const refundStands = (refund: ProviderRefund) => refund.status !== 'failed' && refund.status !== 'canceled';

/** Of the provider's refunds, the ids the tenant's books hold. */
export async function recordedRefundIds(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  gateway: string,
  refunds: readonly ProviderRefund[],
): Promise<Set<string>> {
  if (refunds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('payment_transactions')
    .select('gateway_id')
    .where('tenant_id', '=', tenantId)
    .where('gateway', '=', gateway)
    .where('kind', '=', 'REFUND')
    .where(
      'gateway_id',
      'in',
      refunds.map((r) => r.id),
    )
    .execute();
  return new Set(rows.flatMap((r) => (r.gateway_id ? [r.gateway_id] : [])));
}

/**
 * Records one refund the books lack. A cancel's refund (its key) on an order still open completes the
 * cancel as `orderCancel` would, then records it as the cancel's settlement. If the order cannot be
 * cancelled any more (it shipped whole meanwhile) the refund is recorded as a plain one: the books then
 * say what the provider holds, a fulfilled order refunded, for the shop to settle with the buyer.
 */
async function recordRefund(
  trx: Kysely<PaymentTables>,
  order: LoadedOrder,
  refund: ProviderRefund,
  key: string,
  gateway: string,
  cancellation: OrderCancellation | null | undefined,
): Promise<boolean> {
  const { tenant_id: tenantId, id: orderId, currency_code: currency } = order.row;
  let cancelled = order.state.cancelled;
  if (cancellation && !cancelled) {
    cancelled = (await cancellation.cancelInTransaction(trx, tenantId, orderId)).cancelled;
  }
  if (cancelled) {
    // The cancel already set the statuses and took the order off the customer's spend.
    const money = { orderId, kind: 'REFUND' as const, amount: refund.amount, currency, gateway };
    await recordCancelMoney(trx, tenantId, { ...money, gatewayId: refund.id, idempotencyKey: key });
    return true;
  }
  const refunded = { kind: 'refund' as const, amount: refund.amount, lines: [] };
  return (await commitEvent(trx, order, refunded, { gateway, gatewayId: refund.id, idempotencyKey: key })).ok;
}

/**
 * Brings the order's refunds to what the provider holds of its payment: each refund not in the books
 * (matched by the provider's id and by key) is recorded once, with the key it was made with, so a
 * retried `refundCreate` finds it. This repairs a refund the provider made whose commit was lost.
 * `cancellation` (the graph's `orderCancellation`) completes a lost cancel. Returns the refunds recorded.
 */
export async function reconcileRefunds(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  orderId: string,
  gateway: string,
  refunds: readonly ProviderRefund[],
  cancellation: OrderCancellation | null,
): Promise<number> {
  const known = await recordedRefundIds(trx, tenantId, gateway, refunds);
  let recorded = 0;
  for (const refund of refunds) {
    if (!refundStands(refund) || known.has(refund.id)) continue;
    const ofCancel = refund.idempotencyKey === cancelProviderKey(tenantId, orderId);
    const key = ofCancel ? cancelRecordKey(orderId) : (refund.idempotencyKey ?? `${gateway}:${refund.id}:refund`);
    if (await transactionByKey(trx, tenantId, key)) continue;
    const order = await loadOrderForUpdate(trx, tenantId, orderId);
    if (!order) return recorded;
    if (await recordRefund(trx, order, refund, key, gateway, ofCancel ? cancellation : undefined)) recorded++;
  }
  return recorded;
}
