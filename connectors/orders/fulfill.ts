import { sql } from 'kysely';
import type { TenantDb } from '../../src/sdk';
import { emitOrderEvent } from './events';
import { lockOrder } from './lock';
import type { OrderRow, OrderTables } from './tables';
import { failure, type OrderResult } from './user-error';

/**
 * Marks an open order fulfilled: everything left ships, and its reserved stock (allocations) is used up.
 * Fulfilling twice or fulfilling a cancelled order is refused.
 */
export async function fulfillOrder(db: TenantDb, id: string): Promise<OrderResult<OrderRow>> {
  return db.atomic<OrderTables, OrderResult<OrderRow>>(async (trx) => {
    const order = await lockOrder(trx, db.tenantId, id);
    if (!order) return failure(['id'], 'NOT_FOUND', 'Order not found');
    if (order.status === 'CANCELLED')
      return failure(['id'], 'ALREADY_CANCELLED', 'A cancelled order cannot be fulfilled');
    if (order.fulfillment_status === 'FULFILLED') {
      return failure(['id'], 'ALREADY_FULFILLED', 'The order is already fulfilled');
    }
    // Every unit still reserved for the order ships: the reservation is used up.
    await sql`delete from order_allocations where tenant_id = ${db.tenantId} and order_id = ${id}`.execute(trx);
    const fulfilled = await trx
      .updateTable('orders')
      .set({ fulfillment_status: 'FULFILLED', fulfilled_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .where('tenant_id', '=', db.tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await emitOrderEvent(trx, fulfilled, 'ORDERS_FULFILLED');
    return { order: fulfilled, userErrors: [] };
  });
}
