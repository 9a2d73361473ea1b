import type { ZodType } from 'zod';
import type { PaymentProviderDefinition, PaymentProviders, PluginDefinition } from '../sdk';

/** The composed plugins' payment providers by name; of two with one name, the first in composition order. */
export function paymentProvidersOf(plugins: readonly PluginDefinition[]): PaymentProviders {
  const providers = new Map<string, PaymentProviderDefinition>();
  for (const provider of plugins.flatMap((p) => p.paymentProviders ?? [])) {
    if (!providers.has(provider.name)) providers.set(provider.name, provider);
  }
  return providers;
}

/** Each plugin's tenant settings schema, made for what the composed plugins contribute when it depends on it. */
export function tenantConfigsOf(plugins: readonly PluginDefinition[]): Map<string, ZodType | undefined> {
  const composed = { paymentProviders: paymentProvidersOf(plugins) };
  return new Map(
    plugins.map((p) => [p.name, typeof p.tenantConfig === 'function' ? p.tenantConfig(composed) : p.tenantConfig]),
  );
}
