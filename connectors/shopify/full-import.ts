import { GatewayError } from '../../src/sdk';
import { BULK_QUERIES } from './bulk-queries';
import { bulkUnits } from './bulk-units';
import { inBatches, streamJsonl, type BulkRecord } from './jsonl';
import { latestUpdate, UNIT_WRITERS } from './resource-writers';
import type { SyncResource } from './settings';
import type { SyncContext } from './sync-context';
import { later, saveState, type ResourceState } from './sync-state';
import { writeBatch } from './write-batch';

/**
 * Imports one resource through a bulk operation. Each batch of whole units (a product with its
 * variants...) is written in one transaction together with the checkpoint (units done), so a run
 * that stops resumes after the last committed batch: it reuses the finished bulk operation when
 * Shopify still has it, and skips the units already written.
 */
export async function fullImport(ctx: SyncContext, resource: SyncResource, state: ResourceState): Promise<void> {
  const records = await bulkRecords(ctx, resource, state.bulk_operation_id);
  let done = 0;
  let written = 0;
  let highWater = state.high_water;
  const write = UNIT_WRITERS[resource];
  for await (const batch of inBatches(bulkUnits(records), ctx.batchSize)) {
    const pending = batch.slice(Math.max(0, state.checkpoint - done));
    done += batch.length;
    if (pending.length === 0) continue;
    highWater = later(highWater, latestUpdate(pending));
    await writeBatch(ctx, async (trx) => {
      const counts = await write(trx, ctx.tenantId, pending);
      await saveState(trx, ctx.tenantId, resource, { checkpoint: done, high_water: highWater });
      return counts;
    });
    written += pending.length;
    ctx.progress({ resource, phase: 'full', written });
  }
  await ctx.tx((trx) =>
    saveState(trx, ctx.tenantId, resource, {
      full_pending: false,
      checkpoint: 0,
      bulk_operation_id: null,
      high_water: highWater,
    }),
  );
}

/** The records of the resource's bulk query: the saved operation's result if usable, else a new one. */
async function bulkRecords(
  ctx: SyncContext,
  resource: SyncResource,
  savedOperation: string | null,
): Promise<AsyncIterable<BulkRecord>> {
  if (savedOperation) {
    const op = await ctx.bulk.waitUntilDone(savedOperation).catch(() => null);
    if (op?.status === 'COMPLETED') return op.url ? streamJsonl(op.url, ctx.fetch) : empty();
  }
  const started = await ctx.bulk.start(BULK_QUERIES[resource]);
  await ctx.tx((trx) => saveState(trx, ctx.tenantId, resource, { bulk_operation_id: started.id }));
  const op = await ctx.bulk.waitUntilDone(started.id);
  if (op.status !== 'COMPLETED') {
    await ctx.tx((trx) => saveState(trx, ctx.tenantId, resource, { bulk_operation_id: null }));
    throw new GatewayError('UPSTREAM_UNAVAILABLE', `The Shopify bulk query for ${resource} did not complete`, {
      bulkStatus: op.status,
    });
  }
  return op.url ? streamJsonl(op.url, ctx.fetch) : empty();
}

async function* empty(): AsyncGenerator<BulkRecord> {}
