import type { AddressPolicy } from './address-policy';
import type { BackoffOptions } from './backoff';
import { systemResolve, type Resolve } from './safe-send';

/** How deliveries run; `webhookOptionsFromEnv` gives production's, tests pass their own. */
export interface WebhookOptions extends BackoffOptions {
  policy: AddressPolicy;
  resolve: Resolve;
  ca?: string;
  /** A receiver's answer must arrive within this. */
  timeoutMs: number;
  /** After this many failed attempts a delivery is dead (kept, listed, retried only by an admin). */
  maxAttempts: number;
  /** A claimed delivery whose attempt did not report back (the process died) is claimed again after this. */
  leaseMs: number;
  /** A subscription failing without a success for this long is disabled. */
  disableAfterMs: number;
  /** How often the job looks for events and due deliveries, and how many it claims per tenant at once. */
  intervalMs: number;
  batchSize: number;
  /** Outbox events older than this are deleted (delivered ones; all of them for tenants without webhooks). */
  eventRetentionMs: number;
}

const HOUR = 3_600_000;

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  policy: { allowLoopback: false },
  resolve: systemResolve,
  timeoutMs: 10_000,
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * HOUR,
  leaseMs: 60_000,
  disableAfterMs: 72 * HOUR,
  intervalMs: 2_000,
  batchSize: 20,
  eventRetentionMs: 7 * 24 * HOUR,
};

/** A positive whole number of milliseconds from the environment, or the default. */
function millis(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Production settings, with `WEBHOOKS_ALLOW_LOOPBACK=true` for development (deliveries to a receiver on
 * this machine), `WEBHOOKS_ALLOW_ADDRESSES` (comma-separated) for receivers an operator trusts, and
 * `WEBHOOKS_INTERVAL_MS`, `WEBHOOKS_TIMEOUT_MS`, `WEBHOOKS_LEASE_MS` to tune the job.
 */
export function webhookOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookOptions {
  const allowAddresses = (env.WEBHOOKS_ALLOW_ADDRESSES ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    ...DEFAULT_WEBHOOK_OPTIONS,
    policy: { allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK === 'true', allowAddresses },
    intervalMs: millis(env.WEBHOOKS_INTERVAL_MS, DEFAULT_WEBHOOK_OPTIONS.intervalMs),
    timeoutMs: millis(env.WEBHOOKS_TIMEOUT_MS, DEFAULT_WEBHOOK_OPTIONS.timeoutMs),
    leaseMs: millis(env.WEBHOOKS_LEASE_MS, DEFAULT_WEBHOOK_OPTIONS.leaseMs),
  };
}
