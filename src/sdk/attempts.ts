/**
 * Buckets of attempts (sign-ins, password resets): each holds `size` attempts and regains
 * `restorePerSecond` each second. Shared by every instance through Redis when REDIS_URL is set; a
 * plugin's keys live under the request's tenant and never meet the rate limit's buckets.
 */
export interface AttemptBucket {
  key: string;
  size: number;
  restorePerSecond: number;
}

export interface AttemptDecision {
  allowed: boolean;
  /** When refused: seconds until every bucket admits an attempt again. */
  retryAfterSeconds: number;
}

export interface AttemptLimiter {
  /** Takes one attempt from every bucket when each holds one; otherwise takes nothing. */
  take(buckets: readonly AttemptBucket[]): Promise<AttemptDecision>;
}
