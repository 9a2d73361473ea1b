import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, type JWTPayload } from 'jose';

export interface KeyPair {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public JWK, as a JWKS publishes it. */
  jwk: Record<string, unknown>;
}

export function keyPair(alg: 'RS256' | 'ES256', kid: string): KeyPair {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg, privateKey, publicKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

/** Serves a JWKS on 127.0.0.1 whose keys the test may change (`publish`); counts fetches. */
export async function serveJwks(keys: KeyPair[]): Promise<{
  url: string;
  fetches: () => number;
  publish(keys: KeyPair[]): void;
  /** While down, every fetch gets a 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}> {
  let fetches = 0;
  let published = keys;
  let down = false;
  const server: Server = createServer((_req, res) => {
    fetches += 1;
    if (down) return void res.writeHead(503).end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: published.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    publish: (next) => (published = next),
    setDown: (next) => (down = next),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface TokenOptions {
  alg: string;
  key: KeyObject | Uint8Array;
  kid?: string;
  claims?: JWTPayload;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative is in the past. */
  expiresIn?: number;
  notBefore?: number;
}

/** Signs an admin token the way an identity provider would. */
export function signToken(o: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ roles: ['admin'], scopes: ['read_products'], ...o.claims })
    .setProtectedHeader({ alg: o.alg, typ: 'JWT', ...(o.kid ? { kid: o.kid } : {}) })
    .setSubject('someone')
    .setIssuedAt()
    .setExpirationTime(now + (o.expiresIn ?? 600));
  if (o.issuer) jwt.setIssuer(o.issuer);
  if (o.audience) jwt.setAudience(o.audience);
  if (o.notBefore !== undefined) jwt.setNotBefore(now + o.notBefore);
  return jwt.sign(o.key);
}

/** An unsigned token (`alg: none`), which must never be accepted. */
export function unsignedToken(payload: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}
