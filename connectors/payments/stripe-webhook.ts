import Stripe from 'stripe';
import type { Kysely } from 'kysely';
import { reconcilePayment } from './reconcile';
import { sessionOfPayment } from './sessions';
import type { PaymentsSettings } from './settings';
import { stripeProvider } from './stripe-provider';
import type { PaymentTables } from './tables';

const verifier = new Stripe('sk_verify_only');

/** The event, if the signature over the raw body verifies with the endpoint secret (and is recent). */
export function verifyStripeEvent(body: Buffer, signature: string | undefined, secret: string): Stripe.Event | null {
  if (!signature) return null;
  try {
    return verifier.webhooks.constructEvent(body, signature, secret);
  } catch {
    return null;
  }
}

/**
 * Applies a PaymentIntent event: the intent is read again from Stripe, and the order's books brought to
 * its present state (reconcile.ts), so duplicate and out-of-order deliveries change nothing wrongly.
 * Returns false for an event about no order of this tenant.
 */
export async function applyStripeEvent(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  settings: NonNullable<PaymentsSettings['stripe']>,
  event: Stripe.Event,
): Promise<boolean> {
  if (!event.type.startsWith('payment_intent.')) return false;
  const intentId = (event.data.object as { id?: string }).id;
  const session = intentId ? await sessionOfPayment(trx, tenantId, 'stripe', intentId) : undefined;
  if (!session) return false;
  const payment = await stripeProvider(settings).retrieve(session.gateway_id);
  await reconcilePayment(trx, tenantId, session.order_id, payment);
  return true;
}
