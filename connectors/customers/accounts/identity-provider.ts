import { createPublicKey, type KeyObject } from 'node:crypto';
import { jwtVerify, type JWTPayload } from 'jose';
import { GatewayError, remoteKeySet, type KeySet } from '../../../src/sdk';
import type { IdentityProviderSettings } from '../settings';

/** What a verified identity provider token says of the shopper. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

/**
 * The keys of one tenant's identity provider, made once per loaded tenant file (a reloaded tenant has
 * new settings, so a changed URL or key takes effect with the reload). The JWKS is fetched and cached
 * as the admin tokens' is (src/sdk/key-sets.ts): refreshed once a minute, and on an unknown `kid`.
 */
const keysOf = new WeakMap<IdentityProviderSettings, KeySet | KeyObject>();

function keys(settings: IdentityProviderSettings): KeySet | KeyObject {
  let found = keysOf.get(settings);
  if (!found) {
    found = settings.jwksUrl
      ? remoteKeySet(new URL(settings.jwksUrl), () => Date.now())
      : createPublicKey(process.env[settings.publicKeyEnv!]!);
    keysOf.set(settings, found);
  }
  return found;
}

/** A compact JWS (three base64url parts): the built-in accounts' tokens never have dots. */
export function looksLikeJwt(credential: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(credential) && credential.length <= 8_192;
}

const text = (value: unknown, max = 255) =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;

function identityOf(payload: JWTPayload, issuer: string): VerifiedIdentity | null {
  const subject = text(payload.sub);
  if (!subject) return null;
  const email = text(payload.email, 254)?.toLowerCase() ?? null;
  // An address the provider says it has not verified names no one: it could be anybody's.
  const verified = payload.email_verified !== false;
  return {
    issuer,
    subject,
    email: email && verified && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null,
    firstName: text(payload.given_name),
    lastName: text(payload.family_name),
  };
}

/**
 * Verifies a customer JWT of the tenant's identity provider: signature (with one of the allowed
 * algorithms), issuer, audience, `exp` (required) and `nbf` within the clock tolerance. Null for any
 * token that fails, whatever the reason (the caller answers them all alike); an identity provider whose
 * keys cannot be fetched is SERVICE_UNAVAILABLE, not a signed-out shopper.
 */
export async function verifyIdentityToken(
  settings: IdentityProviderSettings,
  token: string,
): Promise<VerifiedIdentity | null> {
  const options = {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: [...settings.algorithms],
    clockTolerance: settings.clockToleranceSeconds,
    requiredClaims: ['exp', 'sub'],
    currentDate: new Date(Date.now()),
  };
  try {
    const source = keys(settings);
    const { payload } =
      'getKey' in source ? await jwtVerify(token, source.getKey, options) : await jwtVerify(token, source, options);
    return identityOf(payload, settings.issuer);
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    return null;
  }
}
