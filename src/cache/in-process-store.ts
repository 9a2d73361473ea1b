import { MemoryResponseStore } from './memory-store';
import type { CachedData, Lookup, ResponseStore, WriteMark } from './store';
import { TenantWrites } from './tenant-writes';

/** Answers and write generations in this process only (no REDIS_URL): one instance's writes. */
export class InProcessStore implements ResponseStore {
  private readonly writes = new TenantWrites();
  private readonly entries: MemoryResponseStore<{ generation: number; data: CachedData }>;

  constructor(ttlMs: number, maxEntries: number) {
    this.entries = new MemoryResponseStore(ttlMs, maxEntries);
  }

  async lookup(tenantId: string, key: string): Promise<Lookup> {
    const generation = this.writes.generation(tenantId);
    const entry = this.entries.get(`${tenantId}\n${key}`);
    return { generation, data: entry?.generation === generation ? entry.data : undefined };
  }

  async store(tenantId: string, key: string, generation: number, data: CachedData): Promise<boolean> {
    if (!this.writes.quiet(tenantId, generation)) return false;
    this.entries.set(`${tenantId}\n${key}`, { generation, data });
    return true;
  }

  async begin(tenantId: string): Promise<WriteMark> {
    this.writes.begin(tenantId);
    let ended = false;
    return {
      end: async () => {
        if (ended) return;
        ended = true;
        this.writes.end(tenantId);
      },
    };
  }

  async bump(tenantId: string): Promise<void> {
    this.writes.bump(tenantId);
  }

  async close(): Promise<void> {}
}
