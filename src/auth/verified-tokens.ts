import type { Principal } from '../sdk';

/** How long a verified token is taken on trust at most. */
const MAX_TRUST_MS = 5 * 60_000;
const MAX_TOKENS = 10_000;

interface Verified {
  principal: Principal;
  untilMs: number;
  /** The key set the token verified under (undefined for a secret, fixed for the configuration's life). */
  keys: object | undefined;
}

/**
 * Admin tokens that verified, with what they granted, until they expire: a request that brings the same
 * token again skips the signature check (an HMAC or RSA verification each time). One per tenant
 * configuration, so a reloaded configuration (a new secret, issuer or key set) starts empty; and a token
 * counts only under the key set it verified with, so a JWKS fetched again without its key refuses it.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, Verified>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The principal of a token verified before, under the key set `keys`, and still within its lifetime. */
  get(token: string, keys?: object): Principal | undefined {
    const verified = this.tokens.get(token);
    if (!verified) return undefined;
    if (this.now() < verified.untilMs && verified.keys === keys) return verified.principal;
    this.tokens.delete(token);
    return undefined;
  }

  /** Remembers a verified token until `expiresAtMs` (its `exp` plus the clock tolerance), at most 5 minutes. */
  remember(token: string, principal: Principal, expiresAtMs: number, keys?: object): void {
    if (this.tokens.size >= MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, { principal, untilMs: Math.min(expiresAtMs, this.now() + MAX_TRUST_MS), keys });
  }
}
