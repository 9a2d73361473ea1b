import type { PluginRuntime } from '../../src/sdk';
import type { AdminClient } from './admin-client';
import type { BulkQueryRunner } from './bulk';
import type { FetchLike } from './jsonl';
import type { Counts } from './resource-writers';
import type { SyncResource } from './settings';
import type { ShopifyTrx } from './tables';

export interface SyncProgress {
  resource: SyncResource;
  phase: 'full' | 'incremental';
  /** Records of this resource written so far in this run. */
  written: number;
  /** Known total for the resource (bulk object count), when Shopify tells it. */
  total?: number;
}

/** What one sync run works with. */
export interface SyncContext {
  runtime: PluginRuntime;
  tenantId: string;
  runId: string;
  admin: AdminClient;
  bulk: BulkQueryRunner;
  fetch: FetchLike;
  batchSize: number;
  counts: Counts;
  /** Waits spent on throttling and retries so far. */
  waits(): number;
  progress(p: SyncProgress): void;
  /** Runs fn in one tenant transaction. */
  tx<T>(fn: (trx: ShopifyTrx) => Promise<T>): Promise<T>;
}
