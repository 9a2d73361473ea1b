/** The `data` of a successful storefront query, as cached. */
export type CachedData = Record<string, unknown>;

/** The tenant's write generation when the request began, and the answer cached at that generation. */
export interface Lookup {
  generation: number;
  data?: CachedData;
}

/** A write in progress; ended once its transaction has ended (committed or rolled back). */
export interface WriteMark {
  end(): Promise<void>;
}

/**
 * Where answers and the tenants' write state live: this process's memory, or Redis shared by every
 * instance. Both keep one rule: every write bumps its tenant's generation when it begins and again when
 * it ends, and an answer is stored only under the generation its request began with, only if that is
 * still the generation and no write of the tenant is in flight. So an answer that may have read data
 * from before a write is never served once that write has ended.
 */
export interface ResponseStore {
  /** undefined when the store cannot answer now: the request then runs without the cache. */
  lookup(tenantId: string, key: string): Promise<Lookup | undefined>;
  /** Stores the answer if the tenant stayed quiet since `generation`; false when refused. */
  store(tenantId: string, key: string, generation: number, data: CachedData): Promise<boolean>;
  begin(tenantId: string): Promise<WriteMark>;
  /** Moves the tenant's generation: answers cached so far are no longer served. */
  bump(tenantId: string): Promise<void>;
  close(): Promise<void>;
}

/** Runs a write outside GraphQL (a webhook, a job) between begin and end. */
export async function aroundWrite<T>(store: ResponseStore, tenantId: string, fn: () => Promise<T>): Promise<T> {
  const mark = await store.begin(tenantId);
  try {
    return await fn();
  } finally {
    await mark.end();
  }
}
