import { sql, type Kysely } from 'kysely';
import { applyEvent, fulfillmentStatusOf, type OrderEvent, type OrderState, type Outcome } from './lifecycle';
import { orderEventPayload } from '../../src/sdk';
import { emitEvent } from '../../src/sdk/db';
import { fromMinor } from './money';
import type { LoadedOrder } from './order-state';
import type { PaymentTables, TransactionStatus } from './tables';

/** What the provider said about the money an event moves. */
export interface ProviderRecord {
  gateway: string;
  gatewayId: string | null;
  idempotencyKey: string;
  status?: TransactionStatus;
}

const net = (s: OrderState) => s.ledger.captured - s.ledger.refunded;

/**
 * Applies an event to a locked order and writes what it changed, in the caller's transaction: one
 * transaction row per money movement, the order's statuses, and the customer's statistics (which count
 * paid orders only: the order counts once money was captured, its spend is captured minus refunded).
 * Returns the outcome and the ids of the transaction rows written.
 */
export async function commitEvent(
  trx: Kysely<PaymentTables>,
  order: LoadedOrder,
  event: OrderEvent,
  record: ProviderRecord,
): Promise<Outcome & { transactionIds?: string[] }> {
  const outcome = applyEvent(order.state, event);
  if (!outcome.ok) return outcome;
  const { row } = order;
  const transactionIds: string[] = [];
  for (const [i, movement] of outcome.movements.entries()) {
    const inserted = await trx
      .insertInto('payment_transactions')
      .values({
        tenant_id: row.tenant_id,
        order_id: row.id,
        kind: movement.kind,
        status: record.status ?? 'SUCCESS',
        amount: fromMinor(movement.amount, row.currency_code),
        currency_code: row.currency_code,
        gateway: record.gateway,
        gateway_id: record.gatewayId,
        idempotency_key: i === 0 ? record.idempotencyKey : `${record.idempotencyKey}:${i}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    transactionIds.push(inserted.id);
  }
  const shipped = fulfillmentStatusOf(outcome.state.lines);
  const { rows: written } = await sql<
    Record<string, unknown>
  >`update orders set financial_status = ${outcome.state.financial},
      fulfillment_status = ${shipped},
      fulfilled_at = case when ${shipped} = 'FULFILLED' then coalesce(fulfilled_at, now()) end, updated_at = now()
    where tenant_id = ${row.tenant_id} and id = ${row.id} returning *`.execute(trx);
  // The order became fully shipped (by a shipment, or by a refund of what was left to ship).
  if (shipped === 'FULFILLED' && fulfillmentStatusOf(order.state.lines) !== 'FULFILLED') {
    await emitEvent(trx, row.tenant_id, 'ORDERS_FULFILLED', orderEventPayload(written[0]));
  }
  const counted = (s: OrderState) => (s.ledger.captured > 0 ? 1 : 0);
  const orders = counted(outcome.state) - counted(order.state);
  const spent = net(outcome.state) - net(order.state);
  if (row.customer_id && (orders !== 0 || spent !== 0)) {
    await sql`update customers set orders_count = orders_count + ${orders},
        amount_spent = amount_spent + ${fromMinor(spent, row.currency_code)}::numeric, updated_at = now()
      where tenant_id = ${row.tenant_id} and id = ${row.customer_id}`.execute(trx);
  }
  return { ...outcome, transactionIds };
}
