import { z } from 'zod';
import { pluginSettings, type ComposedContributions, type Tenant } from '../../src/sdk';

/**
 * `settings.payments` of a tenant: the providers the shop takes payments with, in order (the first that
 * opens payments opens the checkout's), each listed provider's own settings under its name, and the
 * minutes an unpaid order keeps its stock.
 */
export interface PaymentsSettings {
  providers: string[];
  reservationMinutes: number;
  /** A listed provider's settings, as its `settings` schema gave them. */
  [provider: string]: unknown;
}

const DEFAULTS: PaymentsSettings = { providers: ['manual'], reservationMinutes: 30 };

/**
 * The schema of `settings.payments`, made for the providers the composed plugins contribute: a tenant
 * that lists another is refused (the tenant is disabled with the path and the reason), and a listed
 * provider with settings needs them.
 */
export function paymentsTenantConfig({ paymentProviders }: ComposedContributions) {
  const own = Object.fromEntries(
    [...paymentProviders].flatMap(([name, p]) => (p.settings ? [[name, p.settings.optional()]] : [])),
  );
  const known = [...paymentProviders.keys()].join(', ');
  return z
    .object({
      providers: z.array(z.string()).nonempty().default(['manual']),
      /** Minutes an unpaid order keeps its stock reserved before it is cancelled. */
      reservationMinutes: z.number().int().min(1).max(10_080).default(30),
      ...own,
    })
    .strict()
    .superRefine((value, ctx) => {
      value.providers.forEach((name, i) => {
        const provider = paymentProviders.get(name);
        if (!provider) {
          ctx.addIssue({
            code: 'custom',
            path: ['providers', i],
            message: `unknown payment provider "${name}" (the plugins contribute: ${known})`,
          });
        } else if (provider.settings && (value as Record<string, unknown>)[name] === undefined) {
          ctx.addIssue({ code: 'custom', path: [name], message: `is required when providers include ${name}` });
        }
      });
    });
}

export function paymentsSettings(tenant: Tenant): PaymentsSettings {
  return pluginSettings<PaymentsSettings>(tenant, 'payments') ?? DEFAULTS;
}
