import type { Kysely } from 'kysely';
import type { PaymentProvider } from '../../src/sdk';
import { reconcilePayment } from './reconcile';
import { sessionOfPayment } from './sessions';
import type { PaymentTables } from './tables';

/**
 * Applies a verified delivery about a provider's payment: the payment is read again from the provider,
 * and the order's books brought to its present state (reconcile.ts), so duplicate and out-of-order
 * deliveries change nothing wrongly. Returns false for a payment of no order of this tenant.
 */
export async function applyProviderEvent(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  provider: PaymentProvider,
  paymentId: string,
): Promise<boolean> {
  const session = await sessionOfPayment(trx, tenantId, provider.name, paymentId);
  if (!session) return false;
  const payment = await provider.retrieve(session.gateway_id);
  await reconcilePayment(trx, tenantId, session.order_id, provider.name, payment);
  return true;
}
