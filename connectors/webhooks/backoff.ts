export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * The wait before the next attempt after `attempts` failed ones: exponential (base × 2^(attempts−1)),
 * capped, with jitter between half and all of it, so receivers that fail together are not retried
 * together.
 */
export function retryDelayMs(attempts: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = options.baseDelayMs * 2 ** Math.max(0, Math.min(attempts - 1, 30));
  const capped = Math.min(exponential, options.maxDelayMs);
  return Math.round(capped * (0.5 + random() * 0.5));
}
