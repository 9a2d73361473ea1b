import type { Tenant } from '../../src/sdk';
import type { PaymentProvider } from './provider';
import type { SessionRow } from './sessions';
import { paymentsSettings } from './settings';
import { stripeProvider } from './stripe-provider';

/** The provider holding an order's payment: Stripe when the order has a Stripe session, else none (manual). */
export function providerOf(tenant: Tenant, session: SessionRow | undefined): PaymentProvider | null {
  const stripe = paymentsSettings(tenant).stripe;
  return session?.gateway === 'stripe' && stripe ? stripeProvider(stripe) : null;
}
