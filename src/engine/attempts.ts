import type { AttemptBucket, AttemptDecision, AttemptLimiter } from '../sdk';
import type { BucketStore } from '../limits/bucket-store';

/**
 * A tenant's attempt buckets in the shared store. Keys carry the tenant (as a Redis Cluster hash tag,
 * like the rate limit's) and an `attempt:` part, so a plugin reaches neither another tenant's buckets
 * nor the rate limit's.
 */
export function attemptLimiter(store: BucketStore, tenantId: string): AttemptLimiter {
  return {
    async take(buckets: readonly AttemptBucket[]): Promise<AttemptDecision> {
      const specs = buckets.map((b) => ({ ...b, key: `{${tenantId}}:attempt:${b.key}` }));
      const result = await store.take(specs, 1);
      return { allowed: result.allowed, retryAfterSeconds: result.retryAfterSeconds };
    },
  };
}
