import type { Kysely } from 'kysely';
import { fromMinor } from './money';
import type { PaymentTables } from './tables';

/** The provider key of a cancelled order's settlement: whoever asks again (request, job) moves money once. */
export function cancelProviderKey(tenantId: string, orderId: string): string {
  return `${tenantId}:order:${orderId}:cancel`;
}

/** The books' key of that settlement: one settlement transaction per cancelled order. */
export function cancelRecordKey(orderId: string): string {
  return `cancel:${orderId}`;
}

export interface CancelMoney {
  orderId: string;
  kind: 'REFUND' | 'VOID';
  /** Integer minor units. */
  amount: number;
  currency: string;
  gateway: string;
  gatewayId: string | null;
  /** The books' key; the settlement's own unless another refund is recorded the same way. */
  idempotencyKey?: string;
}

/**
 * Records a cancelled order's settlement as made (by the provider, or by the shop for a manual payment).
 * No statuses or statistics move: the cancel already set them.
 */
export async function recordCancelMoney(trx: Kysely<PaymentTables>, tenantId: string, m: CancelMoney): Promise<void> {
  await trx
    .insertInto('payment_transactions')
    .values({
      tenant_id: tenantId,
      order_id: m.orderId,
      kind: m.kind,
      status: 'SUCCESS',
      amount: fromMinor(m.amount, m.currency),
      currency_code: m.currency,
      gateway: m.gateway,
      gateway_id: m.gatewayId,
      idempotency_key: m.idempotencyKey ?? cancelRecordKey(m.orderId),
    })
    .execute();
}
