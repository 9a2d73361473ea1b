import { SignJWT } from 'jose';
import { ConfigError } from '../config/env';
import { DEFAULT_LIMITS, type TenantFile } from '../config/tenant-schema';
import { MIN_SECRET_LENGTH } from '../config/secret-strength';
import type { TenantEntry } from '../tenants/load';

export const OPERATOR_ISSUER = 'retail-gateway';
export const OPERATOR_AUDIENCE = 'retail-gateway-operator';
/** Outside the tenant id pattern, so no tenant file can claim it; row-level security matches no row. */
export const OPERATOR_TENANT_ID = '(operator)';

/**
 * The pseudo-tenant a platform operator's requests run as: always-on plugins only, no credentials of a
 * tenant, so the operator reads the gateway's status and no tenant's data. Null without a secret.
 */
export function operatorEntry(secret: string | undefined, now: () => number = Date.now): TenantEntry | null {
  if (!secret) return null;
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`OPERATOR_JWT_SECRET must hold at least ${MIN_SECRET_LENGTH} characters`);
  }
  const config: TenantFile = {
    id: OPERATOR_TENANT_ID,
    name: 'Platform operators',
    currency: 'USD',
    locale: 'en-US',
    plugins: [],
    limits: {},
    storefront: { tokenHashes: [] },
    admin: {
      issuer: OPERATOR_ISSUER,
      audience: OPERATOR_AUDIENCE,
      algorithms: ['HS256'],
      hs256SecretEnv: 'OPERATOR_JWT_SECRET',
      clockToleranceSeconds: 30,
    },
    documents: { registeredOnly: false },
    cors: { origins: [] },
    settings: {},
  };
  return {
    file: '(environment)',
    config,
    warnings: [],
    storefrontTokenHashes: new Set(),
    jwtSecret: new TextEncoder().encode(secret),
    jwks: null,
    now,
    tenant: {
      id: OPERATOR_TENANT_ID,
      name: config.name,
      currency: config.currency,
      locale: config.locale,
      // Enables no plugin: it reaches only always-on plugins' fields (gatewayStatus), which need no check.
      plugins: new Set(),
      limits: { ...DEFAULT_LIMITS },
      settings: {},
      cors: { origins: [] },
    },
  };
}

/** An operator token: HS256 with OPERATOR_JWT_SECRET, role `operator`, and no `tenant` claim. */
export function mintOperatorToken(secret: string, claims: { subject: string; ttlSeconds?: number }): Promise<string> {
  return new SignJWT({ roles: ['operator'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(OPERATOR_ISSUER)
    .setAudience(OPERATOR_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${claims.ttlSeconds ?? 3600}s`)
    .sign(new TextEncoder().encode(secret));
}
