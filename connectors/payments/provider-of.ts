import type { PaymentProvider, PaymentProviders, Tenant } from '../../src/sdk';
import type { SessionRow } from './sessions';
import { paymentsSettings } from './settings';

/**
 * A provider connected with the tenant's settings of it; null when it records money by hand, or is
 * unknown or without settings here. An order's provider is connected while its settings stay, listed or
 * not: its payments are refunded where they were made.
 */
export function connectProvider(providers: PaymentProviders, tenant: Tenant, name: string): PaymentProvider | null {
  const own = paymentsSettings(tenant)[name];
  const provider = providers.get(name);
  if (!provider?.connect || (provider.settings && own === undefined)) return null;
  return provider.connect(own);
}

/** The provider holding an order's payment: the one its session names, else none (manual). */
export function providerOf(
  providers: PaymentProviders,
  tenant: Tenant,
  session: SessionRow | undefined,
): PaymentProvider | null {
  return session ? connectProvider(providers, tenant, session.gateway) : null;
}

/** The provider that opens the buyer's payment at checkout: the first listed that opens payments. */
export function checkoutProvider(providers: PaymentProviders, tenant: Tenant): PaymentProvider | null {
  for (const name of paymentsSettings(tenant).providers) {
    const provider = connectProvider(providers, tenant, name);
    if (provider) return provider;
  }
  return null;
}
