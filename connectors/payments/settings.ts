import { z } from 'zod';
import { pluginSettings, type Tenant } from '../../src/sdk';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable (UPPER_SNAKE_CASE)');

export const PROVIDERS = ['manual', 'stripe'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * `settings.payments` of a tenant file: the providers the shop takes payments with, and for Stripe the
 * environment variables holding its secret key and webhook endpoint secret (never the secrets).
 */
export const paymentsTenantConfig = z
  .object({
    providers: z.array(z.enum(PROVIDERS)).nonempty().default(['manual']),
    stripe: z
      .object({
        secretKeyEnv: envName,
        webhookSecretEnv: envName,
        captureMethod: z.enum(['automatic', 'manual']).default('automatic'),
        /** Another Stripe API origin (a proxy or a test server), e.g. http://127.0.0.1:12111. */
        apiUrl: z.string().url().optional(),
      })
      .strict()
      .optional(),
    /** Minutes an unpaid order keeps its stock reserved before it is cancelled. */
    reservationMinutes: z.number().int().min(1).max(10_080).default(30),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.providers.includes('stripe') && !value.stripe) {
      ctx.addIssue({ code: 'custom', path: ['stripe'], message: 'is required when providers include stripe' });
    }
  });

export type PaymentsSettings = z.output<typeof paymentsTenantConfig>;

export function paymentsSettings(tenant: Tenant): PaymentsSettings {
  return pluginSettings<PaymentsSettings>(tenant, 'payments') ?? paymentsTenantConfig.parse({});
}
