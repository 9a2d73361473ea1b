import { z } from 'zod';
import { pluginSettings, type Tenant } from '../../src/sdk';

/** `settings.customers` of a tenant file (docs/customers.md). */
export const customersTenantConfig = z
  .object({
    /** How long an access token lasts (a renewal starts a new period): 14 days by default. */
    accessTokenTtlHours: z.number().int().min(1).max(2_160).default(336),
    /** How long a reset link works. */
    resetTokenTtlMinutes: z.number().int().min(5).max(1_440).default(30),
    /** The sender of account emails. */
    mailFrom: z.string().email().optional(),
    /** The storefront page that takes a reset link's `id` and `token` query parameters. */
    resetUrl: z.string().url().optional(),
  })
  .strict();

export type CustomersSettings = z.infer<typeof customersTenantConfig>;

export function customersSettings(tenant: Tenant): CustomersSettings {
  return pluginSettings<CustomersSettings>(tenant, 'customers') ?? customersTenantConfig.parse({});
}
