import { z } from 'zod';
import { pluginSettings, type Tenant } from '../../src/sdk';

/** The tenant's own identity provider: its customer JWTs are verified with these (docs/customers.md). */
const identityProvider = z
  .object({
    issuer: z.string().min(1),
    audience: z.string().min(1),
    algorithms: z.array(z.enum(['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256', 'EdDSA'])).min(1),
    /** HTTPS JWKS endpoint of the provider. */
    jwksUrl: z.string().url().optional(),
    /** Environment variable holding one PEM public key (SPKI), instead of a JWKS URL. */
    publicKeyEnv: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .optional(),
  })
  .strict()
  .refine((p) => (p.jwksUrl ? 1 : 0) + (p.publicKeyEnv ? 1 : 0) === 1, {
    message: 'name exactly one of jwksUrl and publicKeyEnv',
  });

/** `settings.customers` of a tenant file. */
export const customersTenantConfig = z
  .object({
    /** How shoppers sign in: the built-in accounts, the tenant's identity provider, or both. */
    signIn: z.enum(['accounts', 'identityProvider', 'both']).default('accounts'),
    accessTokenTtlHours: z.number().int().min(1).max(2_160).default(336),
    resetTokenTtlMinutes: z.number().int().min(5).max(1_440).default(30),
    identityProvider: identityProvider.optional(),
    /** The sender of account emails. */
    mailFrom: z.string().email().optional(),
    /** The storefront page that takes a reset link's `id` and `token` query parameters. */
    resetUrl: z.string().url().optional(),
  })
  .strict()
  .refine((s) => s.signIn === 'accounts' || s.identityProvider !== undefined, {
    message: 'signIn names the identity provider: add identityProvider',
    path: ['identityProvider'],
  });

export type CustomersSettings = z.infer<typeof customersTenantConfig>;

export function customersSettings(tenant: Tenant): CustomersSettings {
  return pluginSettings<CustomersSettings>(tenant, 'customers') ?? customersTenantConfig.parse({});
}

export const acceptsPasswords = (s: CustomersSettings) => s.signIn !== 'identityProvider';
export const acceptsProviderTokens = (s: CustomersSettings) => s.signIn !== 'accounts';
