import { decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { GatewayError, type Principal, type Role } from '../sdk';
import type { TenantEntry } from '../tenants/load';
import type { TenantRegistry } from '../tenants/registry';
import { tenantUnavailable, unauthenticated } from './auth-errors';
import { VerifiedTokens } from './verified-tokens';

/** Client-facing reasons by jose error code: fixed texts, never the token or a key. */
const REASONS: Record<string, string> = {
  ERR_JWT_EXPIRED: 'The bearer token has expired',
  ERR_JOSE_ALG_NOT_ALLOWED: 'Invalid bearer token: algorithm not allowed for this tenant',
  ERR_JOSE_NOT_SUPPORTED: 'Invalid bearer token: algorithm not allowed for this tenant',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'Invalid bearer token: bad signature',
  ERR_JWKS_NO_MATCHING_KEY: 'Invalid bearer token: no signing key matches',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'Invalid bearer token: ambiguous signing key',
};
const CLAIM_REASONS: Record<string, string> = {
  nbf: 'Invalid bearer token: not valid yet',
  iss: 'Invalid bearer token: wrong issuer',
  aud: 'Invalid bearer token: wrong audience',
};

/** The key for the token's algorithm: the HS256 secret, or the tenant's JWKS for RS256/ES256. */
function keyOf(entry: TenantEntry): JWTVerifyGetKey {
  return async (header, token) => {
    if (header.alg === 'HS256') {
      if (entry.jwtSecret) return entry.jwtSecret;
    } else if (entry.jwks) {
      return entry.jwks.getKey(header, token);
    }
    throw unauthenticated('Invalid bearer token: algorithm not allowed for this tenant');
  };
}

/** An operator token's principal: the role `operator` and nothing a tenant's token could grant. */
function operatorOf(payload: JWTPayload): Principal {
  if (!Array.isArray(payload.roles) || !payload.roles.includes('operator')) {
    throw unauthenticated('The bearer token grants no role (operator)');
  }
  return { kind: 'operator', subject: String(payload.sub), roles: ['operator'], scopes: [] };
}

function principalOf(payload: JWTPayload, known: ReadonlySet<string>): Principal {
  const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter(
    (r): r is Role => r === 'staff' || r === 'admin',
  );
  if (roles.length === 0) throw unauthenticated('The bearer token grants no role (staff or admin)');
  // Scopes as a list (`scopes`) or as an OAuth space-separated string (`scope`); unknown ones are ignored.
  const listed = Array.isArray(payload.scopes)
    ? payload.scopes
    : typeof payload.scope === 'string'
      ? payload.scope.split(' ')
      : [];
  const scopes = listed.filter((s): s is string => typeof s === 'string' && known.has(s));
  return { kind: 'admin', subject: String(payload.sub), roles, scopes: [...new Set(scopes)] };
}

function failure(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const { code, claim } = error as { code?: string; claim?: string };
  if (code === 'ERR_JWKS_TIMEOUT' || (error instanceof TypeError && !code)) {
    return new GatewayError('SERVICE_UNAVAILABLE', "The tenant's signing keys could not be fetched; retry shortly");
  }
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim && CLAIM_REASONS[claim]) {
    return unauthenticated(CLAIM_REASONS[claim]);
  }
  return unauthenticated((code && REASONS[code]) ?? 'Invalid bearer token');
}

/** Verified tokens per tenant configuration: a reload replaces the entry, and so forgets them. */
const verifiedByEntry = new WeakMap<TenantEntry, VerifiedTokens>();

function verifiedTokensOf(entry: TenantEntry): VerifiedTokens {
  let tokens = verifiedByEntry.get(entry);
  if (!tokens) verifiedByEntry.set(entry, (tokens = new VerifiedTokens(entry.now)));
  return tokens;
}

/**
 * Verifies an admin JWT with the key of the tenant it names. The claim only chooses whose key to try;
 * the tenant is trusted once that key verified the signature, issuer, audience and lifetime. A token
 * naming no tenant is tried as a platform operator's, when the gateway has an operator key.
 */
export async function verifyAdminToken(
  registry: TenantRegistry,
  token: string,
  operators: TenantEntry | null = null,
): Promise<{ entry: TenantEntry; principal: Principal }> {
  let tenantClaim: unknown;
  try {
    tenantClaim = decodeJwt(token).tenant;
  } catch {
    throw unauthenticated('Malformed bearer token');
  }
  if (tenantClaim === undefined && operators) return verifyWith(operators, token, [], operatorOf);
  const found = typeof tenantClaim === 'string' ? registry.lookupId(tenantClaim) : undefined;
  if (found && 'unavailable' in found) {
    throw tenantUnavailable();
  }
  if (!found) throw unauthenticated('Invalid bearer token');
  return verifyWith(found.entry, token, ['tenant'], (payload) => principalOf(payload, registry.adminScopes));
}

async function verifyWith(
  entry: TenantEntry,
  token: string,
  claims: string[],
  principalFrom: (payload: JWTPayload) => Principal,
): Promise<{ entry: TenantEntry; principal: Principal }> {
  const settings = entry.config.admin;
  if (!settings) throw unauthenticated('Invalid bearer token');
  const verified = verifiedTokensOf(entry);
  try {
    // The JWKS in force, fetched again first when it is too old: a remembered token needs its key in it.
    const keys = await entry.jwks?.current();
    const known = verified.get(token, keys);
    if (known) return { entry, principal: known };
    const { payload } = await jwtVerify(token, keyOf(entry), {
      algorithms: settings.algorithms,
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: settings.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub', ...claims],
      currentDate: new Date(entry.now()),
    });
    const principal = principalFrom(payload);
    verified.remember(token, principal, (payload.exp! + settings.clockToleranceSeconds) * 1000, keys);
    return { entry, principal };
  } catch (error) {
    throw failure(error);
  }
}
