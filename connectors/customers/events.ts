import { encodeGlobalId } from '../../src/sdk';
import type { CustomerRow } from './tables';

/** Outbound webhook topics the customers plugin emits (its manifest's `events`). */
export const CUSTOMER_EVENTS = ['CUSTOMERS_CREATE', 'CUSTOMERS_UPDATE'] as const;

/** A customer as webhook receivers get it. */
export function customerPayload(c: CustomerRow): Record<string, unknown> {
  return {
    id: encodeGlobalId('Customer', c.id),
    email: c.email,
    firstName: c.first_name,
    lastName: c.last_name,
    phone: c.phone,
    ordersCount: c.orders_count,
    amountSpent: c.amount_spent,
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}
