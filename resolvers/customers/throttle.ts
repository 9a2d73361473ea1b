import { createHash } from 'node:crypto';
import { GatewayError, type AttemptBucket, type GatewayContext } from '../../src/sdk';

/**
 * Sign-in and recovery attempts, per account (the email, known or not, so throttling tells nothing
 * about which exist) and per client address, counted whether they succeed or not. An account takes 10
 * attempts, then one a minute: brute force on one account stops early whatever the addresses. An
 * address takes 30, then one every 10 s: credential stuffing across many accounts stops early too.
 */
export const ACCOUNT_ATTEMPTS = { size: 10, restorePerSecond: 1 / 60 };
export const ADDRESS_ATTEMPTS = { size: 30, restorePerSecond: 1 / 10 };

const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export type AttemptKind = 'sign-in' | 'sign-up' | 'recover';

/** Takes one attempt of `kind` for the account (when named) and the client address; throws THROTTLED when either is spent. */
export async function throttle(ctx: GatewayContext, kind: AttemptKind, account?: string | null): Promise<void> {
  const buckets: AttemptBucket[] = [{ key: `${kind}:address:${keyOf(ctx.clientAddress)}`, ...ADDRESS_ATTEMPTS }];
  if (account != null) {
    buckets.push({ key: `${kind}:account:${keyOf(account.trim().toLowerCase())}`, ...ACCOUNT_ATTEMPTS });
  }
  const decision = await ctx.attempts.take(buckets);
  if (!decision.allowed) {
    throw new GatewayError('THROTTLED', `Too many attempts: retry in ${decision.retryAfterSeconds} s`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}
