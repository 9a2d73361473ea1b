import { encodeGlobalId } from './relay';

const iso = (d: unknown) => (d == null ? null : new Date(d as string).toISOString());

/**
 * An order as webhook receivers get it, from its row in the orders plugin's table: the keys of every
 * order event (ORDERS_CANCELLED, ORDERS_FULFILLED, …), whichever plugin emits it.
 */
export function orderEventPayload(o: Record<string, unknown>): Record<string, unknown> {
  return {
    id: encodeGlobalId('Order', o.id as string),
    name: `#${o.number as number}`,
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
