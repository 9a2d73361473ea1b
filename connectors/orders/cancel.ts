import { sql, type Kysely } from 'kysely';
import type { TenantDb } from '../../src/sdk';
import { emitOrderEvent } from './events';
import { lockOrder } from './lock';
import { restockOrder } from './restock';
import type { CancelReason, OrderRow, OrderTables } from './tables';
import { failure, type OrderResult } from './user-error';

/**
 * Cancels an open, unfulfilled order in one atomic step: restocks its allocations (with history),
 * takes its units off products' sales counts and its total off the customer's spend, voids or refunds
 * the payment status. A second cancel is ALREADY_CANCELLED; concurrent cancels queue on the order lock.
 */
export function cancelOrder(
  db: TenantDb,
  id: string,
  reason: CancelReason | null,
  restock: boolean,
): Promise<OrderResult<OrderRow>> {
  return db.atomic<OrderTables, OrderResult<OrderRow>>((trx) =>
    cancelInTransaction(trx, db.tenantId, id, reason, restock),
  );
}

/** `cancelOrder`'s work in the caller's transaction (also the graph's `orderCancellation`, cancellation.ts). */
export async function cancelInTransaction(
  trx: Kysely<OrderTables>,
  tenantId: string,
  id: string,
  reason: CancelReason | null,
  restock: boolean,
): Promise<OrderResult<OrderRow>> {
  const order = await lockOrder(trx, tenantId, id);
  if (!order) return failure(['id'], 'NOT_FOUND', 'Order not found');
  if (order.status === 'CANCELLED') return failure(['id'], 'ALREADY_CANCELLED', 'The order is already cancelled');
  if (order.fulfillment_status === 'FULFILLED') {
    return failure(['id'], 'ALREADY_FULFILLED', 'A fulfilled order cannot be cancelled');
  }
  if (restock) await restockOrder(trx, tenantId, id);
  await sql`update products p set total_sold = greatest(0, p.total_sold - s.quantity)
      from (select product_id, sum(quantity)::int quantity from order_line_items
             where tenant_id = ${tenantId} and order_id = ${id} and product_id is not null
             group by product_id order by product_id) s
      where p.tenant_id = ${tenantId} and p.id = s.product_id`.execute(trx);
  // Customer statistics count paid money only (the payments plugin adds it when the order is paid).
  if (order.customer_id && order.financial_status === 'PAID') {
    await sql`update customers set amount_spent = greatest(0, amount_spent - ${order.total}), updated_at = now()
        where tenant_id = ${tenantId} and id = ${order.customer_id}`.execute(trx);
  }
  const cancelled = await trx
    .updateTable('orders')
    .set({
      status: 'CANCELLED',
      cancel_reason: reason,
      cancelled_at: sql<Date>`now()`,
      financial_status: ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(order.financial_status)
        ? 'REFUNDED'
        : 'VOIDED',
      updated_at: sql<Date>`now()`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await emitOrderEvent(trx, cancelled, 'ORDERS_CANCELLED');
  return { order: cancelled, userErrors: [] };
}
