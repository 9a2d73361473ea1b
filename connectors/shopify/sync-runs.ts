import { sql } from 'kysely';
import type { ShopifyTrx } from './tables';

export type SyncMode = 'full' | 'incremental';

export interface SyncRun {
  id: string;
  tenant_id: string;
  mode: SyncMode;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  trigger: string;
  counts: Record<string, number>;
  errors: string[];
  throttled_waits: number;
}

/** How long a claimed run stays ours without a heartbeat; after that another instance may take it. */
const LEASE_SECONDS = 300;

/**
 * Queues a sync run for the tenant, unless one is already queued or running (then that one is
 * returned): starting a sync twice does not run it twice. A full request upgrades a queued run.
 */
export async function enqueueRun(trx: ShopifyTrx, tenantId: string, mode: SyncMode, trigger: string): Promise<SyncRun> {
  const open = await trx
    .selectFrom('shopify_sync_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('lease_until', '>', sql<Date>`now()`)]),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .executeTakeFirst();
  if (open) {
    if (open.status === 'queued' && mode === 'full' && open.mode !== 'full') {
      await trx.updateTable('shopify_sync_runs').set({ mode: 'full' }).where('id', '=', open.id).execute();
      return { ...open, mode: 'full' };
    }
    return open;
  }
  return await trx
    .insertInto('shopify_sync_runs')
    .values({ tenant_id: tenantId, mode, trigger })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Claims the tenant's next queued run (or one whose lease expired: its instance died) with
 * `for update skip locked`, so several gateway instances never run the same sync. Null when there is
 * none or another instance holds a live lease.
 */
export async function claimRun(trx: ShopifyTrx, tenantId: string): Promise<SyncRun | null> {
  const live = await trx
    .selectFrom('shopify_sync_runs')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'running')
    .where('lease_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (live) return null;
  const next = await trx
    .selectFrom('shopify_sync_runs')
    .select('id')
    .where('tenant_id', '=', tenantId)
    // Re-checked on the locked row version: a run another instance just claimed no longer matches.
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', sql<Date>`now()`)]),
      ]),
    )
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!next) return null;
  return await trx
    .updateTable('shopify_sync_runs')
    .set({
      status: 'running',
      started_at: sql`coalesce(started_at, now())`,
      lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .where('id', '=', next.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records progress and extends the lease (called after each committed batch). */
export async function heartbeat(trx: ShopifyTrx, runId: string, counts: Record<string, number>, waits: number) {
  await trx
    .updateTable('shopify_sync_runs')
    .set({
      counts: JSON.stringify(counts),
      throttled_waits: waits,
      lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .where('id', '=', runId)
    .execute();
}

export async function finishRun(
  trx: ShopifyTrx,
  run: Pick<SyncRun, 'id' | 'tenant_id'>,
  outcome: { ok: boolean; counts: Record<string, number>; errors: string[]; waits: number },
) {
  await trx
    .updateTable('shopify_sync_runs')
    .set({
      status: outcome.ok ? 'succeeded' : 'failed',
      counts: JSON.stringify(outcome.counts),
      errors: JSON.stringify(outcome.errors),
      throttled_waits: outcome.waits,
      lease_until: null,
      finished_at: sql`now()`,
    })
    .where('id', '=', run.id)
    .execute();
  await trx
    .updateTable('shopify_connections')
    .set({
      last_sync_at: sql`now()`,
      last_error: outcome.errors[0] ?? null,
      throttled_waits: outcome.waits,
      updated_at: sql`now()`,
    })
    .where('tenant_id', '=', run.tenant_id)
    .execute();
}
