import { encodeGlobalId } from '../../../src/sdk';
import { emitEvents, type OutboxEvent } from '../../../src/sdk/db';
import type { CheckoutLine } from './lines';

/** The order row as checkout reads it (orders plugin's `orders` table). */
type OrderRecord = Record<string, unknown> & { id: string };

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

/**
 * ORDERS_CREATE for the order checkout placed: the order as webhook receivers get it (the keys of the
 * orders plugin's order events) with its line items.
 */
export function orderCreatedEvent(o: OrderRecord, lines: readonly CheckoutLine[]): OutboxEvent {
  return {
    topic: 'ORDERS_CREATE',
    payload: {
      id: encodeGlobalId('Order', o.id),
      name: `#${String(o.number)}`,
      email: o.email,
      status: o.status,
      financialStatus: o.financial_status,
      fulfillmentStatus: o.fulfillment_status,
      currencyCode: o.currency_code,
      subtotal: o.subtotal,
      total: o.total,
      createdAt: iso(o.created_at),
      lineItems: lines.map((l) => ({
        productId: encodeGlobalId('Product', l.product_id),
        variantId: encodeGlobalId('ProductVariant', l.variant_id),
        title: l.title,
        variantTitle: l.variant_title,
        sku: l.sku,
        quantity: l.quantity,
        price: l.price,
        total: l.line_total,
      })),
    },
  };
}

/** Writes ORDERS_CREATE (orderCreatedEvent) in checkout's transaction. */
export function emitOrderCreated(trx: object, tenantId: string, o: OrderRecord, lines: readonly CheckoutLine[]) {
  return emitEvents(trx, tenantId, [orderCreatedEvent(o, lines)]);
}
