import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

/** A key prefix of its own for each test gateway, so runs never see each other's (or an earlier run's) keys. */
export const testRedisPrefix = () => `rg-test-${process.pid}-${randomBytes(4).toString('hex')}:`;

/** Deletes the keys a test gateway left under its prefix (rate buckets, persisted queries, cache entries). */
export async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis gone: nothing to clean.
  } finally {
    redis.disconnect();
  }
}
