import { ProviderError, type PaymentProviders, type Tenant, type TenantDb } from '../../src/sdk';
import { toMinor } from './money';
import { checkoutProvider } from './provider-of';
import { reconcilePayment } from './reconcile';
import { saveSession, sessionOfOrder } from './sessions';
import type { PaymentTables } from './tables';

export interface PaymentSession {
  provider: string;
  status: string;
  clientSecret: string | null;
  errorCode: string | null;
}

/**
 * The payment the buyer's client completes for an order: with the first provider the tenant lists that
 * opens payments (Stripe: a PaymentIntent), created on first ask with an idempotency key derived from
 * the order (a retried checkout finds the same payment); otherwise the manual provider, which the shop
 * marks paid.
 */
export async function paymentSessionFor(
  db: TenantDb,
  tenant: Tenant,
  providers: PaymentProviders,
  order: { id: string; total: string; currency_code: string },
): Promise<PaymentSession> {
  const provider = checkoutProvider(providers, tenant);
  if (!provider) return { provider: 'manual', status: 'PENDING', clientSecret: null, errorCode: null };
  try {
    return await db.atomic<PaymentTables, PaymentSession>(async (trx) => {
      const known = await sessionOfOrder(trx, tenant.id, order.id);
      const p = known
        ? await provider.retrieve(known.gateway_id)
        : await provider.authorize({
            amount: toMinor(order.total, order.currency_code)!,
            currency: order.currency_code,
            orderId: order.id,
            idempotencyKey: `${tenant.id}:order:${order.id}:intent`,
          });
      if (!known) await saveSession(trx, tenant.id, order.id, provider.name, p.id, p.status);
      else await reconcilePayment(trx, tenant.id, order.id, known.gateway, p);
      return {
        provider: provider.name,
        status: p.status.toUpperCase(),
        clientSecret: p.clientSecret,
        errorCode: p.failure,
      };
    });
  } catch (error) {
    if (error instanceof ProviderError)
      return { provider: provider.name, status: 'UNAVAILABLE', clientSecret: null, errorCode: error.code };
    throw error;
  }
}
