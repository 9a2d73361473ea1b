import { shopifyMetrics } from './metrics';
import { addCounts, type Counts } from './resource-writers';
import type { SyncContext } from './sync-context';
import { heartbeat } from './sync-runs';
import type { ShopifyTrx } from './tables';

/**
 * Runs one batch's writes in a transaction that also renews the run's heartbeat (with the counts
 * including this batch), then adds what the batch wrote to the run's counts and the sync metrics.
 */
export async function writeBatch(ctx: SyncContext, write: (trx: ShopifyTrx) => Promise<Counts>): Promise<void> {
  const counts = await ctx.tx(async (trx) => {
    const c = await write(trx);
    await heartbeat(trx, ctx.runId, addCounts({ ...ctx.counts }, c), ctx.waits());
    return c;
  });
  addCounts(ctx.counts, counts);
  for (const [kind, n] of Object.entries(counts))
    ctx.runtime.metrics?.counter(shopifyMetrics.syncRecords).inc({ tenant: ctx.tenantId, resource: kind }, n);
}
