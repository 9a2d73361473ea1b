import Redis, { type RedisOptions } from 'ioredis';

/**
 * A connection to REDIS_URL that connects on first use, so a gateway that fails to start leaves no
 * connection behind. A command is retried once and times out after a second unless `options` say
 * otherwise. Failures surface on the commands; the error listener keeps ioredis from printing each one.
 */
export function lazyRedis(url: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1000, ...options, lazyConnect: true });
  redis.on('error', () => undefined);
  return redis;
}

/** Quits a connection from lazyRedis, or just drops it when it never connected. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'wait') return redis.disconnect();
  await redis.quit().catch(() => redis.disconnect());
}
