import { randomInt, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { closeRedis, lazyRedis } from '../config/redis';
import { sha256Hex } from '../tenants/credentials';
import { BUMP_SCRIPT, END_SCRIPT, LEASE_SCRIPT, STORE_SCRIPT } from './redis-scripts';
import type { CachedData, Lookup, ResponseStore, WriteMark } from './store';

/**
 * A write in flight holds a lease in its tenant's `writes` set. The lease is renewed while the write runs,
 * so a process that dies mid-write blocks storing for at most LEASE_MS; a write running longer than
 * MAX_RENEW_MS (or one never ended) stops renewing and lapses too.
 */
const LEASE_MS = 30_000;
const MAX_RENEW_MS = 30 * 60_000;

/** Where a new generation counter starts (redis-scripts.ts): anywhere in 1..2^48, exact in Lua's doubles. */
const start = () => randomInt(1, 2 ** 48);

type Script = (...args: (string | number)[]) => Promise<number>;
type Scripted = Redis & { cacheLease: Script; cacheEnd: Script; cacheBump: Script; cacheStore: Script };

/**
 * Answers and write state shared by every instance through Redis (REDIS_URL), under `prefix`:
 * `gen:<tenant>` the write generation (a counter without expiry), `writes:<tenant>` the leases of writes
 * in flight, `entry:<tenant>:<sha256 of the key>` an answer as `<generation>\n<JSON data>` with the TTL.
 * A look-up is one MGET of the generation and the entry; storing is one script that checks the
 * generation and the leases and sets the entry atomically; a write's begin and end are one script each.
 * Every Redis failure rejects; the caller decides what a failure means.
 */
export class RedisResponseStore implements ResponseStore {
  private readonly redis: Scripted;
  private connecting?: Promise<void>;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly ttlMs: number,
    private readonly leaseMs = LEASE_MS,
  ) {
    // Commands are never queued while disconnected and time out early: during an outage a read skips
    // the cache at once.
    const redis = lazyRedis(url, { enableOfflineQueue: false, commandTimeout: 500 });
    redis.defineCommand('cacheLease', { numberOfKeys: 2, lua: LEASE_SCRIPT });
    redis.defineCommand('cacheEnd', { numberOfKeys: 2, lua: END_SCRIPT });
    redis.defineCommand('cacheBump', { numberOfKeys: 1, lua: BUMP_SCRIPT });
    redis.defineCommand('cacheStore', { numberOfKeys: 3, lua: STORE_SCRIPT });
    this.redis = redis as Scripted;
  }

  async lookup(tenantId: string, key: string): Promise<Lookup> {
    const redis = await this.client();
    const [seen, entry] = await redis.mget(this.generationKey(tenantId), this.entryKey(tenantId, key));
    const generation = Number(seen ?? 0);
    const split = entry?.indexOf('\n') ?? -1;
    if (!entry || split < 0 || Number(entry.slice(0, split)) !== generation) return { generation };
    return { generation, data: JSON.parse(entry.slice(split + 1)) as CachedData };
  }

  async store(tenantId: string, key: string, generation: number, data: CachedData): Promise<boolean> {
    const keys = [this.generationKey(tenantId), this.writesKey(tenantId), this.entryKey(tenantId, key)];
    const redis = await this.client();
    return (await redis.cacheStore(...keys, generation, JSON.stringify(data), this.ttlMs, start())) === 1;
  }

  async begin(tenantId: string): Promise<WriteMark> {
    const id = randomUUID();
    const keys = [this.generationKey(tenantId), this.writesKey(tenantId)];
    const redis = await this.client();
    await redis.cacheLease(...keys, id, this.leaseMs, '1', start());
    const started = Date.now();
    // Renewed three times per lease, so one missed renewal (retried at the next) never lets it lapse.
    const renewal = setInterval(() => {
      if (Date.now() - started > MAX_RENEW_MS) clearInterval(renewal);
      else redis.cacheLease(...keys, id, this.leaseMs, '0', 0).catch(() => undefined);
    }, this.leaseMs / 3);
    renewal.unref();
    let ended: Promise<void> | undefined;
    return {
      end: () =>
        (ended ??= (async () => {
          clearInterval(renewal);
          await redis.cacheEnd(...keys, id, start());
        })()),
    };
  }

  async bump(tenantId: string): Promise<void> {
    const redis = await this.client();
    await redis.cacheBump(this.generationKey(tenantId), start());
  }

  close(): Promise<void> {
    return closeRedis(this.redis);
  }

  private async client(): Promise<Scripted> {
    // Every caller waits for the first connection; later, ioredis reconnects on its own.
    await (this.connecting ??= this.redis.connect().catch(() => undefined));
    return this.redis;
  }

  private generationKey(tenantId: string) {
    return `${this.prefix}gen:${tenantId}`;
  }

  private writesKey(tenantId: string) {
    return `${this.prefix}writes:${tenantId}`;
  }

  private entryKey(tenantId: string, key: string) {
    return `${this.prefix}entry:${tenantId}:${sha256Hex(key)}`;
  }
}
