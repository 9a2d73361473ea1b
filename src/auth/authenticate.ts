import { remembered, type Principal } from '../sdk';
import { tenantUnavailable, unauthenticated } from './auth-errors';
import { sha256Hex, type TenantEntry } from '../tenants/load';
import type { TenantRegistry } from '../tenants/registry';
import { verifyAdminToken } from './verify-admin-token';

export interface Authenticated {
  entry: TenantEntry;
  principal: Principal;
  /**
   * A shopper's credential as sent (X-Customer-Access-Token), storefront requests only. Unverified: the
   * plugin that knows shoppers checks it inside this tenant; it never chooses or changes the tenant.
   */
  shopperCredential?: string;
}

export interface Credentials {
  storefrontToken?: string;
  authorization?: string;
  customerAccessToken?: string;
}

/** Hashes of storefront tokens, remembered: every storefront request brings one of a few tokens. */
const rememberedHash = remembered(1_000, sha256Hex);

// Issued tokens have 48 characters; a header longer than 128 is hashed, not kept.
const hashOf = (token: string) => (token.length > 128 ? sha256Hex(token) : rememberedHash(token));

function storefront(registry: TenantRegistry, token: string, shopperCredential?: string): Authenticated {
  const hash = hashOf(token);
  const found = registry.lookupStorefrontTokenHash(hash);
  if (!found) throw unauthenticated('Invalid storefront token');
  if ('unavailable' in found) throw tenantUnavailable();
  return {
    entry: found.entry,
    principal: { kind: 'storefront', subject: `storefront:${hash.slice(0, 12)}`, roles: ['storefront'], scopes: [] },
    ...(shopperCredential ? { shopperCredential } : {}),
  };
}

/**
 * Establishes tenant and principal from verified credentials only (never from a header, variable or
 * argument that names a tenant); throws UNAUTHENTICATED, or TENANT_UNAVAILABLE for a disabled tenant.
 * `operators`: the platform operators' pseudo-tenant (src/auth/operator.ts), when configured.
 */
export async function authenticate(
  registry: TenantRegistry,
  credentials: Credentials,
  operators: TenantEntry | null = null,
): Promise<Authenticated> {
  if (credentials.authorization !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,8192})$/.exec(credentials.authorization);
    if (!match) throw unauthenticated('Malformed Authorization header; expected: Bearer <token>');
    return verifyAdminToken(registry, match[1], operators);
  }
  if (credentials.storefrontToken !== undefined) {
    return storefront(registry, credentials.storefrontToken, credentials.customerAccessToken);
  }
  throw unauthenticated('Credentials required: X-Storefront-Token or Authorization: Bearer');
}
