import { sql, type Kysely } from 'kysely';
import { commitEvent } from './commit-event';
import type { OrderEvent } from './lifecycle';
import { loadOrderForUpdate } from './order-state';
import type { ProviderPayment } from '../../src/sdk';
import type { PaymentTables } from './tables';

/**
 * The events that bring the order's books to the provider's present state of its payment. Worked out
 * from states, not from the webhook that triggered it: a duplicate or late delivery asks for nothing,
 * and a capture the provider made but whose database write was lost is recorded on the next look.
 */
function catchUp(financial: string, total: number, p: ProviderPayment): OrderEvent[] {
  if (p.status === 'authorized' && financial === 'PENDING') return [{ kind: 'authorize', amount: p.amountCapturable }];
  if (p.status === 'succeeded') {
    if (financial === 'AUTHORIZED') return [{ kind: 'capture', amount: p.amountReceived }];
    if (financial !== 'PENDING') return [];
    return p.manualCapture
      ? [
          { kind: 'authorize', amount: total },
          { kind: 'capture', amount: p.amountReceived },
        ]
      : [{ kind: 'sale', amount: p.amountReceived }];
  }
  if (p.status === 'canceled' && (financial === 'PENDING' || financial === 'AUTHORIZED')) return [{ kind: 'void' }];
  return [];
}

/** Records what the provider (`gateway`) says of an order's payment, under the order lock. Idempotent. */
export async function reconcilePayment(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  orderId: string,
  gateway: string,
  p: ProviderPayment,
): Promise<void> {
  const order = await loadOrderForUpdate(trx, tenantId, orderId);
  if (!order) return;
  for (const event of catchUp(order.state.financial, order.state.ledger.total, p)) {
    const current = (await loadOrderForUpdate(trx, tenantId, orderId))!;
    // Keys name the payment and the step: the same step is never recorded twice.
    await commitEvent(trx, current, event, {
      gateway,
      gatewayId: p.id,
      idempotencyKey: `${gateway}:${p.id}:${event.kind}`,
    });
  }
  await sql`update payment_sessions set status = ${p.status}
    where tenant_id = ${tenantId} and order_id = ${orderId}`.execute(trx);
}
