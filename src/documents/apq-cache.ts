import type Redis from 'ioredis';
import { closeRedis, lazyRedis } from '../config/redis';

/** The shape of Apollo Server's KeyValueCache that automatic persisted queries use. */
export interface TextCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * APQ texts shared by every instance through Redis. A Redis failure is a cache miss (the client then
 * sends the full query once), never a failed request.
 */
export class RedisTextCache implements TextCache {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = lazyRedis(url);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key).catch(() => null)) ?? undefined;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl;
    const write = ttl ? this.redis.set(this.prefix + key, value, 'EX', ttl) : this.redis.set(this.prefix + key, value);
    await write.catch(() => undefined);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key).catch(() => 0)) > 0;
  }

  close(): Promise<void> {
    return closeRedis(this.redis);
  }
}
