import type { Env } from '../config/env';
import { responseCachePlugin, type CachedData } from './cache-plugin';
import { MemoryResponseStore } from './memory-store';
import { TenantWrites } from './tenant-writes';

const MAX_ENTRIES = 5_000;

/**
 * The storefront response cache (docs/performance.md), or null when STOREFRONT_CACHE_TTL_MS is 0.
 * In memory, per process: another instance's writes show once the TTL has passed.
 */
export function createResponseCache(env: Pick<Env, 'STOREFRONT_CACHE_TTL_MS' | 'STOREFRONT_CACHE_FIELDS'>) {
  if (env.STOREFRONT_CACHE_TTL_MS === 0) return null;
  const writes = new TenantWrites();
  const store = new MemoryResponseStore<CachedData>(env.STOREFRONT_CACHE_TTL_MS, MAX_ENTRIES);
  return {
    plugin: responseCachePlugin({ writes, store, fields: new Set(env.STOREFRONT_CACHE_FIELDS) }),
    /** Wraps writes outside GraphQL (webhooks, jobs): they invalidate the tenant's answers too. */
    around: <T>(tenantId: string, fn: () => Promise<T>) => writes.around(tenantId, fn),
  };
}
