import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { closeRedis, lazyRedis } from '../config/redis';
import { decide, resultOf, type BucketSpec, type BucketStore, type TakeResult } from './bucket-store';

/**
 * Refill, check and take in one atomic step, on Redis's clock so every instance agrees. Returns 1 or 0
 * (taken or not) and each bucket's level before the take. The rule is `decide` in bucket-store.ts.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost = tonumber(ARGV[1])
local levels = {}
local allowed = 1
for i, key in ipairs(KEYS) do
  local size = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  local seen = redis.call('HMGET', key, 'level', 'at')
  local level = size
  if seen[1] then
    level = math.min(size, tonumber(seen[1]) + math.max(0, now - tonumber(seen[2])) / 1000 * rate)
  end
  levels[i] = level
  if level < math.min(cost, size) then allowed = 0 end
end
local out = { allowed }
for i, key in ipairs(KEYS) do
  local size = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  local after = levels[i]
  if allowed == 1 then after = after - cost end
  redis.call('HSET', key, 'level', tostring(after), 'at', now)
  redis.call('EXPIRE', key, math.ceil((size - after) / rate) + 60)
  out[i + 1] = tostring(levels[i])
end
return out
`;

type TakeCommand = (...args: (string | number)[]) => Promise<[number, ...string[]]>;

/** Buckets shared by every gateway instance through Redis (REDIS_URL). */
export class RedisBucketStore implements BucketStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'rg:bucket:',
  ) {
    this.redis = lazyRedis(url);
    this.redis.defineCommand('takeBuckets', { lua: TAKE_SCRIPT });
  }

  async take(specs: readonly BucketSpec[], cost: number): Promise<TakeResult> {
    const take = (this.redis as unknown as { takeBuckets: TakeCommand }).takeBuckets.bind(this.redis);
    const args = specs.flatMap((s) => [s.size, s.restorePerSecond]);
    const [allowedFlag, ...before] = await take(specs.length, ...specs.map((s) => this.prefix + s.key), cost, ...args);
    const levels = before.map(Number);
    const { after, retryAfterSeconds } = decide(specs, levels, cost);
    const allowed = allowedFlag === 1;
    return resultOf(specs, allowed ? after : levels, allowed, allowed ? 0 : retryAfterSeconds);
  }

  close(): Promise<void> {
    return closeRedis(this.redis);
  }
}

/** Uses the primary store, and the fallback while the primary fails (logged once per outage). */
export class FallbackBucketStore implements BucketStore {
  private failing = false;

  constructor(
    private readonly primary: BucketStore,
    private readonly fallback: BucketStore,
    private readonly log: Logger,
  ) {}

  async take(specs: readonly BucketSpec[], cost: number): Promise<TakeResult> {
    try {
      const result = await this.primary.take(specs, cost);
      if (this.failing) this.log.info('rate limit store answers again');
      this.failing = false;
      return result;
    } catch (err) {
      if (!this.failing) this.log.warn({ err }, 'rate limit store failed; limiting per instance meanwhile');
      this.failing = true;
      return this.fallback.take(specs, cost);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), this.fallback.close()]);
  }
}
