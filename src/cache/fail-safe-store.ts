import type { Logger } from 'pino';
import type { CachedData, Lookup, ResponseStore, WriteMark } from './store';

export type StoreOperation = 'lookup' | 'store' | 'write';

/** After a failure, reads skip the store this long, so an outage does not cost every request a timeout. */
export const COOL_OFF_MS = 1_000;
/** How often a generation bump that failed (a write's invalidation) is retried. */
const RETRY_BUMPS_MS = 1_000;

/**
 * A store whose failures never fail a request: a failed look-up or store means the request runs (or
 * its answer is kept) without the cache, logged once per outage and counted. A write whose generation
 * bump failed is owed: the bump is retried until the store answers, and meanwhile this instance serves
 * nothing cached for that tenant.
 */
export class FailSafeStore implements ResponseStore {
  /** Counts each failure by operation (the gateway's metrics, once they exist). */
  onFailure?: (operation: StoreOperation) => void;
  private failing = false;
  private coolOffUntil = 0;
  private readonly owed = new Set<string>();
  private retry?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly inner: ResponseStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async lookup(tenantId: string, key: string): Promise<Lookup | undefined> {
    if (this.owed.has(tenantId) || this.now() < this.coolOffUntil) return undefined;
    return this.attempt('lookup', () => this.inner.lookup(tenantId, key), undefined);
  }

  async store(tenantId: string, key: string, generation: number, data: CachedData): Promise<boolean> {
    if (this.owed.has(tenantId) || this.now() < this.coolOffUntil) return false;
    return this.attempt('store', () => this.inner.store(tenantId, key, generation, data), false);
  }

  async begin(tenantId: string): Promise<WriteMark> {
    const mark = await this.attempt('write', () => this.inner.begin(tenantId), undefined);
    return {
      end: async () => {
        const ended = await this.attempt(
          'write',
          async () => (mark ? mark.end() : this.inner.bump(tenantId)),
          'failed',
        );
        if (ended === 'failed') this.owe(tenantId);
      },
    };
  }

  async bump(tenantId: string): Promise<void> {
    if ((await this.attempt('write', () => this.inner.bump(tenantId), 'failed')) === 'failed') this.owe(tenantId);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.retry);
    await this.payOwedBumps();
    await this.inner.close();
  }

  private async attempt<T, F>(operation: StoreOperation, fn: () => Promise<T>, fallback: F): Promise<T | F> {
    try {
      const result = await fn();
      if (this.failing) this.log.info('storefront cache store answers again');
      this.failing = false;
      return result;
    } catch (err) {
      if (!this.failing) this.log.warn({ err }, 'storefront cache store failed; serving without the cache meanwhile');
      this.failing = true;
      this.coolOffUntil = this.now() + COOL_OFF_MS;
      this.onFailure?.(operation);
      return fallback;
    }
  }

  private owe(tenantId: string): void {
    if (this.closed) return;
    this.owed.add(tenantId);
    this.retry ??= setInterval(() => void this.payOwedBumps(), RETRY_BUMPS_MS).unref();
  }

  private async payOwedBumps(): Promise<void> {
    for (const tenantId of [...this.owed]) {
      try {
        await this.inner.bump(tenantId);
        this.owed.delete(tenantId);
      } catch {
        return;
      }
    }
    clearInterval(this.retry);
    this.retry = undefined;
  }
}
