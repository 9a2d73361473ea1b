import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import { ADMIN_SCOPES, GatewayError, type Principal, type Role } from '../sdk';
import { sha256Hex, type TenantEntry } from '../tenants/load';
import type { TenantRegistry } from '../tenants/registry';

export interface Authenticated {
  entry: TenantEntry;
  principal: Principal;
}

export interface Credentials {
  storefrontToken?: string;
  authorization?: string;
}

const CLOCK_TOLERANCE_SECONDS = 30;
const unauthenticated = (message: string) => new GatewayError('UNAUTHENTICATED', message);

function storefront(registry: TenantRegistry, token: string): Authenticated {
  const hash = sha256Hex(token);
  const entry = registry.byStorefrontTokenHash(hash);
  if (!entry) throw unauthenticated('Invalid storefront token');
  return {
    entry,
    principal: { kind: 'storefront', subject: `storefront:${hash.slice(0, 12)}`, roles: ['storefront'], scopes: [] },
  };
}

async function admin(registry: TenantRegistry, token: string): Promise<Authenticated> {
  let tenantClaim: unknown;
  try {
    tenantClaim = decodeJwt(token).tenant;
  } catch {
    throw unauthenticated('Malformed bearer token');
  }
  // The claim only picks whose key to verify with; the tenant is trusted once that key verified it.
  const entry = typeof tenantClaim === 'string' ? registry.get(tenantClaim) : undefined;
  const settings = entry?.config.admin;
  if (!entry || !settings || !entry.jwtSecret) throw unauthenticated('Invalid bearer token');
  try {
    const { payload } = await jwtVerify(token, entry.jwtSecret, {
      algorithms: settings.algorithms.filter((a) => a === 'HS256'),
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'sub'],
    });
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter(
      (r): r is Role => r === 'staff' || r === 'admin',
    );
    if (roles.length === 0) throw unauthenticated('The token grants no role');
    const scopes = (Array.isArray(payload.scopes) ? payload.scopes : []).filter((s): s is string =>
      (ADMIN_SCOPES as readonly string[]).includes(s as string),
    );
    return { entry, principal: { kind: 'admin', subject: String(payload.sub), roles, scopes } };
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    const expired = error instanceof joseErrors.JWTExpired;
    throw unauthenticated(expired ? 'The bearer token has expired' : 'Invalid bearer token');
  }
}

/** Establishes tenant and principal from verified credentials only; throws UNAUTHENTICATED otherwise. */
export async function authenticate(registry: TenantRegistry, credentials: Credentials): Promise<Authenticated> {
  if (credentials.authorization !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,8192})$/.exec(credentials.authorization);
    if (!match) throw unauthenticated('Malformed Authorization header; expected: Bearer <token>');
    return admin(registry, match[1]);
  }
  if (credentials.storefrontToken !== undefined) return storefront(registry, credentials.storefrontToken);
  throw unauthenticated('Credentials required: X-Storefront-Token or Authorization: Bearer');
}
