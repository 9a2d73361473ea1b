import type { Kysely } from 'kysely';
import type { OrderCancellation, PaymentProvider } from '../../src/sdk';
import { reconcilePayment } from './reconcile';
import { reconcileRefunds } from './reconcile-refunds';
import { sessionOfPayment } from './sessions';
import type { PaymentTables } from './tables';

/**
 * Applies a verified delivery about a provider's payment: the payment and its refunds are read again
 * from the provider, and the order's books brought to their present state (reconcile.ts,
 * reconcile-refunds.ts; `cancellation` completes a cancel whose commit was lost), so duplicate and
 * out-of-order deliveries change nothing wrongly. Returns false for a payment of no order of this tenant.
 */
export async function applyProviderEvent(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  provider: PaymentProvider,
  paymentId: string,
  cancellation: OrderCancellation | null = null,
): Promise<boolean> {
  const session = await sessionOfPayment(trx, tenantId, provider.name, paymentId);
  if (!session) return false;
  const payment = await provider.retrieve(session.gateway_id);
  await reconcilePayment(trx, tenantId, session.order_id, provider.name, payment);
  if (provider.refunds) {
    const refunds = await provider.refunds(session.gateway_id);
    await reconcileRefunds(trx, tenantId, session.order_id, provider.name, refunds, cancellation);
  }
  return true;
}
