import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: what the shopper holds. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database holds: a token's SHA-256 (the token has 256 bits of entropy, so no salt or stretching). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as shoppers send it: 43 URL-safe characters; anything else is never looked up. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
