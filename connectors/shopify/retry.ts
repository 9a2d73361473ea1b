import type { Clock } from './clock';
import { UpstreamError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 requests). */
  maxRetries: number;
  /** First backoff step; doubles per attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the call fails as throttled instead. */
  maxRetryAfterMs: number;
  /** Source of jitter in [0, 1); injectable for deterministic tests. */
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
};

/** Retry-After is seconds (or an HTTP date) per RFC 9110 — not milliseconds, as the library assumes. */
export function parseRetryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so waits always grow. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + policy.random() * (step / 2));
}

/**
 * How long to wait before retry number `attempt` (1-based), or undefined when the failure must not be
 * retried: 429 (after Retry-After), 5xx and network failures are retried; other 4xx, GraphQL errors
 * and THROTTLED answers (pacing.ts owns those) are not.
 */
export function retryDelayMs(err: unknown, attempt: number, policy: RetryPolicy, now: number): number | undefined {
  if (!(err instanceof UpstreamError) || attempt > policy.maxRetries) return undefined;
  const f = err.failure;
  if (f.kind === 'network') return backoffMs(attempt, policy);
  if (f.kind !== 'http') return undefined;
  if (f.status === 429) {
    const after = parseRetryAfterMs(f.retryAfter, now);
    if (after === undefined) return backoffMs(attempt, policy);
    return after <= policy.maxRetryAfterMs ? after : undefined;
  }
  return f.status >= 500 ? backoffMs(attempt, policy) : undefined;
}

/** Runs `fn`, retrying as retryDelayMs says; the last failure is rethrown unchanged. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, clock: Clock): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delay = retryDelayMs(err, attempt, policy, clock.now());
      if (delay === undefined) throw err;
      await clock.sleep(delay);
    }
  }
}
