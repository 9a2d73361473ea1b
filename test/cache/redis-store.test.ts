import Redis from 'ioredis';
import type { Logger } from 'pino';
import { COOL_OFF_MS, FailSafeStore } from '../../src/cache/fail-safe-store';
import { RedisResponseStore } from '../../src/cache/redis-store';
import { aroundWrite } from '../../src/cache/store';
import { testClock } from '../kit/clock';
import { freePort } from '../kit/ports';
import { dropRedisKeys, testRedisPrefix } from '../kit/redis-prefix';
import { redisMissing } from '../kit/redis-probe';
import { describeUnless } from '../kit/skip';
import { startTcpProxy } from '../kit/tcp-proxy';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A key prefix of this run only, removed afterwards. */
const PREFIX = testRedisPrefix();

const suite = describeUnless(redisMissing(REDIS_URL));

const answer = (title: string) => ({ product: { title } });
/** A short wait between two looks at a condition (never a duration a test relies on). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

suite('storefront cache in Redis', () => {
  const stores: RedisResponseStore[] = [];
  let pairs = 0;
  /** The key prefix of the latest pair of instances. */
  let prefix = '';
  /** Two stores on one prefix of their own, each with its own client: two gateway instances. */
  const instances = (ttlMs = 60_000, leaseMs?: number) => {
    prefix = `${PREFIX}${++pairs}:`;
    const pair = [1, 2].map(() => new RedisResponseStore(REDIS_URL, prefix, ttlMs, leaseMs));
    stores.push(...pair);
    return pair;
  };
  /** A client of the test's own, to look at what the stores keep in Redis. */
  let redis: Redis;
  beforeAll(() => void (redis = new Redis(REDIS_URL)));

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis?.quit();
    await dropRedisKeys(REDIS_URL, PREFIX);
  });

  /** When the last lease of a write of `tenant` in flight lapses, in ms on Redis's clock. */
  const leaseEnd = async (tenant: string) => {
    const [, score] = await redis.zrange(`${prefix}writes:${tenant}`, -1, -1, 'WITHSCORES');
    return Number(score);
  };
  /** Waits until Redis's clock, the one leases are checked against, reaches `ms`. */
  const redisClockReaches = async (ms: number) => {
    for (;;) {
      const [seconds, micros] = await redis.time();
      if (Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) >= ms) return;
      await tick();
    }
  };

  it('shares answers, and a write through one instance moves the generation the other sees', async () => {
    const [a, b] = instances();
    const seen = await a.lookup('alpha', 'listing');
    expect(seen.data).toBeUndefined();
    expect(await a.store('alpha', 'listing', seen.generation, answer('Mug'))).toBe(true);
    const shared = await b.lookup('alpha', 'listing');
    expect(shared.data).toEqual(answer('Mug'));

    await aroundWrite(b, 'alpha', async () => undefined);
    const after = await a.lookup('alpha', 'listing');
    expect(after.generation).toBeGreaterThan(shared.generation);
    expect(after.data).toBeUndefined();
    // Another tenant's answers stay.
    expect(await a.store('beta', 'listing', (await a.lookup('beta', 'listing')).generation, answer('Cup'))).toBe(true);
    await aroundWrite(b, 'alpha', async () => undefined);
    expect((await b.lookup('beta', 'listing')).data).toEqual(answer('Cup'));
  });

  it('stores nothing while a write of the tenant is in flight on another instance', async () => {
    const [a, b] = instances();
    const before = await a.lookup('alpha', 'listing');
    const write = await b.begin('alpha');
    // Begun before the write: its generation moved.
    expect(await a.store('alpha', 'listing', before.generation, answer('Old'))).toBe(false);
    // Begun during the write: the write is in flight.
    const during = await a.lookup('alpha', 'listing');
    expect(await a.store('alpha', 'listing', during.generation, answer('Old'))).toBe(false);
    await write.end();
    // Begun during the write, finished after it: its generation moved too.
    expect(await a.store('alpha', 'listing', during.generation, answer('Old'))).toBe(false);
    const later = await a.lookup('alpha', 'listing');
    expect(later.data).toBeUndefined();
    expect(await a.store('alpha', 'listing', later.generation, answer('New'))).toBe(true);
    expect((await b.lookup('alpha', 'listing')).data).toEqual(answer('New'));
  });

  it('lets the write of an instance that died mid-write stop blocking once its lease lapses', async () => {
    const [a, b] = instances(60_000, 300);
    await b.begin('alpha');
    await b.close(); // never ends its write, nor renews the lease
    const during = await a.lookup('alpha', 'listing');
    expect(await a.store('alpha', 'listing', during.generation, answer('Mug'))).toBe(false);
    await redisClockReaches(await leaseEnd('alpha'));
    expect(await a.store('alpha', 'listing', during.generation, answer('Mug'))).toBe(true);
  });

  it('renews the lease of a write that runs longer than one lease', async () => {
    const [a, b] = instances(60_000, 600);
    const write = await b.begin('alpha');
    const firstEnd = await leaseEnd('alpha');
    await redisClockReaches(firstEnd);
    // Past the end of the lease it began with, the write still blocks storing: it was renewed.
    expect(await leaseEnd('alpha')).toBeGreaterThan(firstEnd);
    const during = await a.lookup('alpha', 'listing');
    expect(await a.store('alpha', 'listing', during.generation, answer('Mug'))).toBe(false);
    await write.end();
  });

  it('never serves an old answer again when Redis dropped the generation counter', async () => {
    const [a, b] = instances();
    for (let round = 0; round < 3; round++) {
      const seen = await a.lookup('alpha', 'listing');
      expect(await a.store('alpha', 'listing', seen.generation, answer(`Mug ${round}`))).toBe(true);
      await redis.del(`${prefix}gen:alpha`); // evicted
      expect((await b.lookup('alpha', 'listing')).data).toBeUndefined();
      await aroundWrite(b, 'alpha', async () => undefined);
      expect((await b.lookup('alpha', 'listing')).data).toBeUndefined();
    }
  });

  it('stores answers with the TTL, and answers nothing once Redis expired them', async () => {
    const [a, b] = instances(200);
    const seen = await a.lookup('alpha', 'listing');
    expect(await a.store('alpha', 'listing', seen.generation, answer('Mug'))).toBe(true);
    expect((await b.lookup('alpha', 'listing')).data).toEqual(answer('Mug'));
    const [entry] = await redis.keys(`${prefix}entry:alpha:*`);
    const ttl = await redis.pttl(entry);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(200);
    while (await redis.exists(entry)) await tick();
    expect((await b.lookup('alpha', 'listing')).data).toBeUndefined();
  });
});

suite('storefront cache through a failing link to Redis', () => {
  const quietLog = { warn: jest.fn(), info: jest.fn() } as unknown as Logger;

  it('skips the cache while Redis refuses or does not answer, and uses it again once Redis is back', async () => {
    const { hostname, port } = new URL(REDIS_URL);
    const proxy = await startTcpProxy({ host: hostname, port: Number(port || 6379) });
    const clock = testClock();
    clock.freeze();
    const inner = new RedisResponseStore(proxy.urlFor(REDIS_URL), `${PREFIX}proxy:`, 60_000);
    const lookups = jest.spyOn(inner, 'lookup');
    const store = new FailSafeStore(inner, quietLog, clock.now);
    try {
      const seen = (await store.lookup('alpha', 'listing'))!;
      expect(await store.store('alpha', 'listing', seen.generation, answer('Mug'))).toBe(true);

      await proxy.refuse();
      expect(await store.lookup('alpha', 'listing')).toBeUndefined();
      // Cooling off: reads do not ask Redis, until the cool-off has passed.
      lookups.mockClear();
      clock.advance(COOL_OFF_MS - 1);
      expect(await store.lookup('alpha', 'listing')).toBeUndefined();
      expect(lookups).not.toHaveBeenCalled();

      await proxy.recover();
      proxy.stall();
      clock.advance(1);
      expect(await store.lookup('alpha', 'listing')).toBeUndefined();
      expect(lookups).toHaveBeenCalledTimes(1);

      await proxy.recover();
      // Until the link is back, each look-up fails and cools off again: move past each cool-off.
      while (!(await store.lookup('alpha', 'listing'))?.data) {
        clock.advance(COOL_OFF_MS);
        await tick();
      }
      expect((await store.lookup('alpha', 'listing'))?.data).toEqual(answer('Mug'));
    } finally {
      await store.close();
      await proxy.close();
    }
  });
});

describe('storefront cache with Redis down', () => {
  it('bypasses the cache without throwing, runs writes, logs once and counts the failures', async () => {
    const log = { warn: jest.fn(), info: jest.fn() };
    const store = new FailSafeStore(
      // Nothing listens on a free port: Redis is down.
      new RedisResponseStore(`redis://127.0.0.1:${await freePort()}`, PREFIX, 60_000),
      log as unknown as Logger,
    );
    const failures: string[] = [];
    store.onFailure = (operation) => failures.push(operation);
    try {
      expect(await store.lookup('alpha', 'listing')).toBeUndefined();
      expect(await store.store('alpha', 'listing', 0, answer('Mug'))).toBe(false);
      expect(await aroundWrite(store, 'alpha', async () => 'written')).toBe('written');
      await store.bump('alpha');
      expect(await store.lookup('alpha', 'listing')).toBeUndefined();
    } finally {
      await store.close();
    }
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(failures).toContain('lookup');
    expect(failures).toContain('write');
  });
});
