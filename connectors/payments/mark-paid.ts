import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../src/sdk';
import { commitEvent } from './commit-event';
import { transactionByKey } from './find-transaction';
import { loadOrderForUpdate } from './order-state';
import { orderRow } from './order-row';
import type { PaymentTables } from './tables';
import { userError, type WriteResult } from './user-error';

export type OrderWrite = WriteResult<'order', Record<string, unknown>>;

/**
 * Records money received outside any provider (bank transfer, cash on delivery): a pending order takes a
 * sale of its total, an authorized one a capture of what was authorized. A retry with the same
 * idempotency key answers the order as it is, writing nothing.
 */
export async function markOrderPaid(
  db: TenantDb,
  orderId: string,
  idempotencyKey?: string | null,
): Promise<OrderWrite> {
  const key = idempotencyKey ? `mark-paid:${idempotencyKey}` : `mark-paid:${randomUUID()}`;
  return db.atomic<PaymentTables, OrderWrite>(async (trx) => {
    const order = await loadOrderForUpdate(trx, db.tenantId, orderId);
    if (!order) return { order: null, userErrors: [userError(['id'], 'NOT_FOUND', 'Order not found')] };
    const prior = await transactionByKey(trx, db.tenantId, key);
    if (prior && prior.order_id !== orderId) {
      return {
        order: null,
        userErrors: [userError(['idempotencyKey'], 'TAKEN', 'The key was used for another order')],
      };
    }
    if (prior) return { order: await orderRow(trx, db.tenantId, orderId), userErrors: [] };
    const { ledger, financial } = order.state;
    const event =
      financial === 'AUTHORIZED'
        ? ({ kind: 'capture', amount: ledger.authorized } as const)
        : ({ kind: 'sale', amount: ledger.total } as const);
    const outcome = await commitEvent(trx, order, event, { gateway: 'manual', gatewayId: null, idempotencyKey: key });
    if (!outcome.ok) return { order: null, userErrors: [userError(['id'], outcome.code, outcome.message)] };
    return { order: await orderRow(trx, db.tenantId, orderId), userErrors: [] };
  });
}
