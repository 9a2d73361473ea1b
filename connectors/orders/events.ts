import { orderEventPayload } from '../../src/sdk';
import { emitEvent } from '../../src/sdk/db';
import type { OrderRow } from './tables';

/**
 * Outbound webhook topics the orders plugin emits (its manifest's `events`). ORDERS_PAID and
 * REFUNDS_CREATE are declared for the payment and refund writes to come; checkout emits ORDERS_CREATE.
 */
export const ORDER_EVENTS = ['ORDERS_CANCELLED', 'ORDERS_FULFILLED', 'ORDERS_PAID', 'REFUNDS_CREATE'] as const;

/** Writes the order's event in the caller's transaction (the outbox, src/sdk/db). */
export const emitOrderEvent = (trx: object, o: OrderRow, topic: (typeof ORDER_EVENTS)[number]) =>
  emitEvent(trx, o.tenant_id, topic, orderEventPayload(o));
