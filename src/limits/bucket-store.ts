/**
 * Leaky buckets of cost points. A bucket holds up to `size` points and regains `restorePerSecond`
 * points each second; a request takes its cost from every bucket it names, or from none.
 */
export interface BucketSpec {
  key: string;
  size: number;
  restorePerSecond: number;
}

export interface BucketLevel {
  key: string;
  size: number;
  restorePerSecond: number;
  /** Points left after this call. */
  available: number;
}

export interface TakeResult {
  allowed: boolean;
  levels: BucketLevel[];
  /** When refused: seconds until every bucket holds the cost again. */
  retryAfterSeconds: number;
}

export interface BucketStore {
  /** Takes `cost` from all buckets atomically when each holds it; otherwise takes nothing. */
  take(buckets: readonly BucketSpec[], cost: number): Promise<TakeResult>;
  close(): Promise<void>;
}

/** The level of a bucket last seen at `level` points, `elapsedMs` ago. */
export function refilled(spec: BucketSpec, level: number | undefined, elapsedMs: number): number {
  if (level === undefined) return spec.size;
  return Math.min(spec.size, level + (Math.max(0, elapsedMs) / 1000) * spec.restorePerSecond);
}

/** Seconds until a bucket at `available` points holds `cost` (whole seconds, at least 1). */
export function secondsUntil(spec: BucketSpec, available: number, cost: number): number {
  const missing = Math.min(cost, spec.size) - available;
  return Math.max(1, Math.ceil(missing / spec.restorePerSecond));
}

/** Whether a bucket at `level` points admits `cost`: a cost above the size passes a full bucket and leaves a debt. */
const admits = (spec: BucketSpec, level: number, cost: number) => level >= Math.min(cost, spec.size);

/** Applies a take to levels already refilled (the rule the Redis script repeats); returns the new levels. */
export function decide(specs: readonly BucketSpec[], levels: readonly number[], cost: number) {
  const allowed = specs.every((spec, i) => admits(spec, levels[i], cost));
  const after = allowed ? levels.map((l) => l - cost) : [...levels];
  const retryAfterSeconds = allowed
    ? 0
    : Math.max(...specs.map((spec, i) => (admits(spec, levels[i], cost) ? 0 : secondsUntil(spec, levels[i], cost))));
  return { allowed, after, retryAfterSeconds };
}

export function resultOf(
  specs: readonly BucketSpec[],
  after: readonly number[],
  allowed: boolean,
  retryAfterSeconds: number,
): TakeResult {
  return {
    allowed,
    retryAfterSeconds,
    levels: specs.map((spec, i) => ({ ...spec, available: Math.max(0, Math.floor(after[i])) })),
  };
}
