import { decide, refilled, resultOf, type BucketSpec, type BucketStore, type TakeResult } from './bucket-store';

/** Buckets in this process only: the default, and the fallback while Redis does not answer. */
export class MemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(specs: readonly BucketSpec[], cost: number): Promise<TakeResult> {
    const now = this.now();
    const levels = specs.map((spec) => {
      const seen = this.buckets.get(spec.key);
      return refilled(spec, seen?.level, now - (seen?.at ?? now));
    });
    const { allowed, after, retryAfterSeconds } = decide(specs, levels, cost);
    specs.forEach((spec, i) => this.buckets.set(spec.key, { level: after[i], at: now }));
    this.forgetIdle(now, specs);
    return resultOf(specs, after, allowed, retryAfterSeconds);
  }

  /** Bounds memory: once many credentials were seen, buckets idle for an hour are dropped (they reset to full). */
  private forgetIdle(now: number, recent: readonly BucketSpec[]) {
    if (this.buckets.size < 10_000) return;
    const specs = new Map(recent.map((s) => [s.key, s]));
    for (const [key, seen] of this.buckets) {
      if (!specs.has(key) && now - seen.at > 3_600_000) this.buckets.delete(key);
    }
  }

  async close(): Promise<void> {}
}
