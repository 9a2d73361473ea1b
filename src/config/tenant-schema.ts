import { z } from 'zod';

const envName = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'the NAME of an environment variable');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256 hash');

/** JWKS over https, or plain http to this host only (a local identity provider in development and tests). */
const jwksUrl = z
  .url({ protocol: /^https?$/ })
  .refine(
    (value) => value.startsWith('https:') || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(value).hostname),
    'must be https (plain http is accepted for 127.0.0.1 and localhost only)',
  );

export const DEFAULT_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 1000,
  rateBucketSize: 2000,
  rateRestorePerSecond: 100,
};

const limits = z
  .object({
    maxDepth: z.number().int().min(1).max(50),
    maxAliases: z.number().int().min(0).max(500),
    maxRootFields: z.number().int().min(1).max(100),
    maxDirectives: z.number().int().min(0).max(200),
    maxTokens: z.number().int().min(50).max(50000),
    maxCost: z.number().int().min(1).max(100000),
    rateBucketSize: z.number().int().min(1).max(100_000_000),
    rateRestorePerSecond: z.number().min(0.1).max(100_000_000),
  })
  .strict()
  .partial();

export const JWT_ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;

/** How admin bearer tokens are verified. HS256 uses a shared secret; RS256/ES256 public keys from a JWKS. */
const admin = z
  .object({
    issuer: z.string().min(1),
    audience: z.string().min(1),
    algorithms: z
      .array(z.enum(JWT_ALGORITHMS))
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'lists an algorithm twice')
      .default(['HS256']),
    hs256SecretEnv: envName.optional(),
    jwksFile: z.string().min(1).optional(),
    jwksUrl: jwksUrl.optional(),
    clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.algorithms.includes('HS256') && !value.hs256SecretEnv) {
      ctx.addIssue({ code: 'custom', path: ['hs256SecretEnv'], message: 'required when HS256 is allowed' });
    }
    const asymmetric = value.algorithms.some((a) => a !== 'HS256');
    if (asymmetric && !value.jwksFile && !value.jwksUrl) {
      ctx.addIssue({ code: 'custom', path: ['jwksFile'], message: 'jwksFile or jwksUrl is required for RS256/ES256' });
    }
    if (value.jwksFile && value.jwksUrl) {
      ctx.addIssue({ code: 'custom', path: ['jwksUrl'], message: 'give jwksFile or jwksUrl, not both' });
    }
    if (!asymmetric && (value.jwksFile || value.jwksUrl)) {
      ctx.addIssue({ code: 'custom', path: ['algorithms'], message: 'a JWKS is set but no RS256/ES256 is allowed' });
    }
  });

/** One tenant file, tenants/<id>.yaml. Secrets never appear here: only names of variables holding them. */
export const tenantFileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes, 2 to 40 long'),
    name: z.string().min(1).max(120),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO-4217 code such as USD'),
    locale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as en-US')
      .default('en-US'),
    plugins: z.array(z.string().min(1)).refine((list) => new Set(list).size === list.length, 'lists a plugin twice'),
    limits: limits.default({}),
    storefront: z
      .object({
        /** SHA-256 of each valid storefront token (the token itself is shown once, at creation). */
        tokenHashes: z.array(sha256).default([]),
        /** Or a variable holding a token: for development tenants whose token is generated locally. */
        tokenEnv: envName.optional(),
      })
      .strict()
      .default({ tokenHashes: [] }),
    admin: admin.optional(),
    /** Trusted documents (docs/client-teams.md): storefront tokens may run only the tenant's registered documents. */
    documents: z
      .object({ registeredOnly: z.boolean().default(false) })
      .strict()
      .default({ registeredOnly: false }),
    cors: z
      .object({ origins: z.array(z.url()).default([]) })
      .strict()
      .default({ origins: [] }),
    /** Each enabled plugin's own settings, validated by that plugin's `tenantConfig`. */
    settings: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    const storefront = value.storefront.tokenHashes.length > 0 || value.storefront.tokenEnv;
    if (!storefront && !value.admin) {
      ctx.addIssue({ code: 'custom', path: ['storefront'], message: 'the tenant has no credentials at all' });
    }
    for (const name of Object.keys(value.settings)) {
      if (!value.plugins.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['settings', name], message: `plugin "${name}" is not enabled` });
      }
    }
  });

export type TenantFile = z.infer<typeof tenantFileSchema>;
export type AdminSettings = NonNullable<TenantFile['admin']>;
