import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { CounterLike } from '../sdk';
import { responseCachePlugin } from './cache-plugin';
import { FailSafeStore } from './fail-safe-store';
import { InProcessStore } from './in-process-store';
import { RedisResponseStore } from './redis-store';
import { aroundWrite, type ResponseStore } from './store';

const MAX_ENTRIES = 5_000;

type CacheEnv = Pick<Env, 'STOREFRONT_CACHE_TTL_MS' | 'STOREFRONT_CACHE_FIELDS' | 'REDIS_URL' | 'REDIS_KEY_PREFIX'>;

/**
 * The storefront response cache (docs/performance.md), or null when STOREFRONT_CACHE_TTL_MS is 0.
 * With REDIS_URL its answers and the tenants' writes are shared by every instance, so a write through one
 * instance invalidates the others at once; a Redis failure only bypasses the cache. Else in memory.
 */
export function createResponseCache(env: CacheEnv, log: Logger) {
  if (env.STOREFRONT_CACHE_TTL_MS === 0) return null;
  let store: ResponseStore;
  let failSafe: FailSafeStore | undefined;
  if (env.REDIS_URL) {
    const redis = new RedisResponseStore(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}cache:`, env.STOREFRONT_CACHE_TTL_MS);
    store = failSafe = new FailSafeStore(redis, log);
  } else {
    store = new InProcessStore(env.STOREFRONT_CACHE_TTL_MS, MAX_ENTRIES);
  }
  return {
    plugin: responseCachePlugin({ store, fields: new Set(env.STOREFRONT_CACHE_FIELDS) }),
    /** Wraps writes outside GraphQL (webhooks, jobs): they invalidate the tenant's answers too. */
    around: <T>(tenantId: string, fn: () => Promise<T>) => aroundWrite(store, tenantId, fn),
    /** Counts the store's failures (label `operation`: lookup, store, write). */
    countFailuresIn: (counter: CounterLike) => {
      if (failSafe) failSafe.onFailure = (operation) => counter.inc({ operation });
    },
    close: () => store.close(),
  };
}
