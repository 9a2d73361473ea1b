import { encodeGlobalId } from '../../src/sdk';
import { emitEvent } from '../../src/sdk/db';
import type { OrderRow } from './tables';

/**
 * Outbound webhook topics the orders plugin emits (its manifest's `events`). ORDERS_PAID and
 * REFUNDS_CREATE are declared for the payment and refund writes to come; checkout emits ORDERS_CREATE.
 */
export const ORDER_EVENTS = ['ORDERS_CANCELLED', 'ORDERS_FULFILLED', 'ORDERS_PAID', 'REFUNDS_CREATE'] as const;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An order as webhook receivers get it (the same keys as checkout's ORDERS_CREATE, without line items). */
export function orderPayload(o: OrderRow): Record<string, unknown> {
  return {
    id: encodeGlobalId('Order', o.id),
    name: `#${o.number}`,
    email: o.email,
    status: o.status,
    financialStatus: o.financial_status,
    fulfillmentStatus: o.fulfillment_status,
    currencyCode: o.currency_code,
    subtotal: o.subtotal,
    total: o.total,
    cancelReason: o.cancel_reason,
    cancelledAt: iso(o.cancelled_at),
    fulfilledAt: iso(o.fulfilled_at),
    createdAt: iso(o.created_at),
    updatedAt: iso(o.updated_at),
  };
}

/** Writes the order's event in the caller's transaction (the outbox, src/sdk/db). */
export const emitOrderEvent = (trx: object, o: OrderRow, topic: (typeof ORDER_EVENTS)[number]) =>
  emitEvent(trx, o.tenant_id, topic, orderPayload(o));
