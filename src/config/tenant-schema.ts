import { z } from 'zod';

const envName = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'the NAME of an environment variable');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256 hash');

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
    rateBucketSize: z.number().int().min(1).max(1000000),
    rateRestorePerSecond: z.number().min(0.1).max(100000),
  })
  .strict()
  .partial();

/** One tenant file, tenants/<id>.yaml. Secrets never appear here: only names of variables holding them. */
export const tenantFileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes'),
    name: z.string().min(1).max(120),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO-4217 code such as USD'),
    locale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as en-US')
      .default('en-US'),
    plugins: z.array(z.string()).min(1),
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
    admin: z
      .object({
        issuer: z.string().min(1),
        audience: z.string().min(1),
        algorithms: z
          .array(z.enum(['HS256', 'RS256', 'ES256']))
          .min(1)
          .default(['HS256']),
        hs256SecretEnv: envName.optional(),
        jwksFile: z.string().min(1).optional(),
        jwksUrl: z.url({ protocol: /^https?$/ }).optional(),
      })
      .strict()
      .optional(),
    cors: z
      .object({ origins: z.array(z.url()).default([]) })
      .strict()
      .default({ origins: [] }),
    settings: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type TenantFile = z.infer<typeof tenantFileSchema>;
