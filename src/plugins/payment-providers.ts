import type { ZodType } from 'zod';
import type { PaymentProviderDefinition, PaymentProviders, PluginDefinition } from '../sdk';

/** The composed plugins' payment providers by name (composition quarantines a plugin that repeats a name). */
export function paymentProvidersOf(plugins: readonly PluginDefinition[]): PaymentProviders {
  return new Map<string, PaymentProviderDefinition>(
    plugins.flatMap((p) => (p.paymentProviders ?? []).map((provider) => [provider.name, provider] as const)),
  );
}

/** Each plugin's tenant settings schema, made for what the composed plugins contribute when it depends on it. */
export function tenantConfigsOf(plugins: readonly PluginDefinition[]): Map<string, ZodType | undefined> {
  const composed = { paymentProviders: paymentProvidersOf(plugins) };
  return new Map(
    plugins.map((p) => [p.name, typeof p.tenantConfig === 'function' ? p.tenantConfig(composed) : p.tenantConfig]),
  );
}
