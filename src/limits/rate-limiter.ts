import type { Principal, Tenant } from '../sdk';
import { secondsUntil, type BucketLevel, type BucketSpec, type BucketStore } from './bucket-store';

/** What `extensions.cost.throttleStatus` reports: the tighter of the caller's buckets. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
  throttleStatus: ThrottleStatus;
}

/**
 * Cost points per tenant and per credential. The tenant bucket is the shop's whole budget
 * (limits.rateBucketSize, restored at limits.rateRestorePerSecond); each credential may use `credentialShare`
 * of it, so one integration cannot take everything when the share is below 1.
 */
export class RateLimiter {
  constructor(
    private readonly store: BucketStore,
    private readonly credentialShare = 1,
  ) {}

  private specs(tenant: Tenant, principal: Principal): BucketSpec[] {
    const { rateBucketSize: size, rateRestorePerSecond: rate } = tenant.limits;
    // The hash tag keeps both keys of a tenant in one Redis Cluster slot, as the script needs.
    const tag = `{${tenant.id}}`;
    return [
      { key: `${tag}:tenant`, size, restorePerSecond: rate },
      {
        key: `${tag}:credential:${principal.subject}`,
        size: Math.max(1, Math.floor(size * this.credentialShare)),
        restorePerSecond: rate * this.credentialShare,
      },
    ];
  }

  /** Takes `cost` points from both buckets, or refuses with the seconds to wait. */
  async take(tenant: Tenant, principal: Principal, cost: number): Promise<RateDecision> {
    const result = await this.store.take(this.specs(tenant, principal), cost);
    return {
      allowed: result.allowed,
      retryAfterSeconds: result.retryAfterSeconds,
      throttleStatus: tightest(result.levels),
    };
  }

  /** Refuses early, before any parsing, when a bucket cannot pay even the smallest request. */
  async admitsAny(tenant: Tenant, principal: Principal): Promise<RateDecision> {
    const result = await this.store.take(this.specs(tenant, principal), 0);
    const empty = result.levels.filter((level) => level.available < 1);
    return {
      allowed: empty.length === 0,
      retryAfterSeconds: Math.max(0, ...empty.map((level) => secondsUntil(level, level.available, 1))),
      throttleStatus: tightest(result.levels),
    };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

function tightest(levels: readonly BucketLevel[]): ThrottleStatus {
  const level = levels.reduce((a, b) => (b.available < a.available ? b : a));
  return { maximumAvailable: level.size, currentlyAvailable: level.available, restoreRate: level.restorePerSecond };
}
