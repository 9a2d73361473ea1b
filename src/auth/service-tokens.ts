import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importPKCS8, SignJWT, type JWK, type KeyLike } from 'jose';

/** Who a call to a remote service is made for: what the gateway vouches for, never the caller's token. */
export interface ServiceClaims {
  tenant: string;
  principalKind: string;
  scopes: readonly string[];
  requestId: string;
}

export interface ServiceTokenSigner {
  /** A short-lived token for one remote service (`audience`: the connector's name). */
  sign(claims: ServiceClaims, audience: string): Promise<string>;
  /** The public key set served at /.well-known/jwks.json. */
  jwks(): { keys: JWK[] };
}

export const SERVICE_TOKEN_ISSUER = 'retail-gateway';
const LIFETIME_SECONDS = 60;
const ALG = 'ES256';

/**
 * Signs the tokens the gateway sends to remote services. The key comes from a PKCS8 PEM (every instance
 * of a fleet must share it) or, when none is given, is made at start-up (one instance, development, tests).
 */
export async function createServiceTokenSigner(pkcs8Pem?: string): Promise<ServiceTokenSigner> {
  let privateKey: KeyLike;
  let publicJwk: JWK;
  if (pkcs8Pem) {
    privateKey = await importPKCS8(pkcs8Pem, ALG, { extractable: true });
    const { d: _private, ...pub } = await exportJWK(privateKey);
    publicJwk = pub;
  } else {
    const pair = await generateKeyPair(ALG);
    privateKey = pair.privateKey;
    publicJwk = await exportJWK(pair.publicKey);
  }
  const kid = randomUUID();
  const published = { keys: [{ ...publicJwk, kid, alg: ALG, use: 'sig' }] };
  return {
    sign: (claims, audience) =>
      new SignJWT({
        tenant: claims.tenant,
        principal_kind: claims.principalKind,
        scope: claims.scopes.join(' '),
        request_id: claims.requestId,
      })
        .setProtectedHeader({ alg: ALG, kid })
        .setIssuer(SERVICE_TOKEN_ISSUER)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${LIFETIME_SECONDS}s`)
        .sign(privateKey),
    jwks: () => published,
  };
}
