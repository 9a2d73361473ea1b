import { encodeGlobalId, orderEventPayload } from '../../../src/sdk';
import { emitEvents, type OutboxEvent } from '../../../src/sdk/db';
import type { CheckoutLine } from './lines';

/** The order row as checkout reads it (orders plugin's `orders` table). */
type OrderRecord = Record<string, unknown> & { id: string };

/**
 * ORDERS_CREATE for the order checkout placed: the order as every order event carries it
 * (`orderEventPayload`, whichever plugin emits it) with its line items.
 */
export function orderCreatedEvent(o: OrderRecord, lines: readonly CheckoutLine[]): OutboxEvent {
  return {
    topic: 'ORDERS_CREATE',
    payload: {
      ...orderEventPayload(o),
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
