import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { pluginSettings, type Tenant } from '../../src/sdk';

/** JWKS over https, or plain http to this host only (a local identity provider in development and tests). */
const jwksUrl = z
  .url({ protocol: /^https?$/ })
  .refine(
    (value) => value.startsWith('https:') || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(value).hostname),
    'must be https (plain http is accepted for 127.0.0.1 and localhost only)',
  );

function isPublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).type === 'public' && !/PRIVATE KEY/.test(pem);
  } catch {
    return false;
  }
}

export const IDENTITY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'] as const;

/**
 * The tenant's own identity provider: customer JWTs sent as X-Customer-Access-Token are verified with
 * its keys (a JWKS URL, or one PEM public key in the environment variable `publicKeyEnv`).
 */
const identityProvider = z
  .object({
    issuer: z.string().min(1),
    audience: z.string().min(1),
    jwksUrl: jwksUrl.optional(),
    publicKeyEnv: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'the NAME of an environment variable')
      .optional(),
    algorithms: z
      .array(z.enum(IDENTITY_ALGORITHMS))
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'lists an algorithm twice')
      .default(['RS256']),
    clockToleranceSeconds: z.number().int().min(0).max(120).default(30),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.jwksUrl === !value.publicKeyEnv) {
      ctx.addIssue({ code: 'custom', path: ['jwksUrl'], message: 'give jwksUrl or publicKeyEnv, exactly one' });
    }
    if (!value.publicKeyEnv) return;
    const pem = process.env[value.publicKeyEnv];
    if (!pem) {
      ctx.addIssue({
        code: 'custom',
        path: ['publicKeyEnv'],
        message: `environment variable ${value.publicKeyEnv} is not set`,
      });
    } else if (!isPublicKey(pem)) {
      ctx.addIssue({
        code: 'custom',
        path: ['publicKeyEnv'],
        message: `${value.publicKeyEnv} holds no PEM public key`,
      });
    }
  });

/** `settings.customers` of a tenant file (docs/customers.md). */
export const customersTenantConfig = z
  .object({
    /** How long an access token lasts (a renewal starts a new period): 14 days by default. */
    accessTokenTtlHours: z.number().int().min(1).max(2_160).default(336),
    /** How long a reset link works. */
    resetTokenTtlMinutes: z.number().int().min(5).max(1_440).default(30),
    /** How long an email verification link works. */
    verifyTokenTtlHours: z.number().int().min(1).max(720).default(72),
    /** Whether sign-in with a password waits until the account's email is verified. */
    requireVerifiedEmail: z.boolean().default(false),
    /** The sender of account emails. */
    mailFrom: z.string().email().optional(),
    /** The storefront page that takes a reset link's `id` and `token` query parameters. */
    resetUrl: z.string().url().optional(),
    /** The storefront page that takes a verification link's `id` and `token` query parameters. */
    activationUrl: z.string().url().optional(),
    /** Sign-in with the tenant's identity provider (in addition to the built-in accounts). */
    identityProvider: identityProvider.optional(),
  })
  .strict();

export type CustomersSettings = z.infer<typeof customersTenantConfig>;
export type IdentityProviderSettings = NonNullable<CustomersSettings['identityProvider']>;

export function customersSettings(tenant: Tenant): CustomersSettings {
  return pluginSettings<CustomersSettings>(tenant, 'customers') ?? customersTenantConfig.parse({});
}
