import type { PluginRuntime, Tenant } from '../../src/sdk';
import { GatewayError } from '../../src/sdk';
import { createAdminClient, type AdminClient } from './admin-client';
import { BulkQueryRunner, type BulkOptions } from './bulk';
import { BreakerRegistry } from './circuit-breaker';
import { systemClock, type Clock } from './clock';
import { fullImport } from './full-import';
import { incrementalImport } from './incremental-import';
import type { FetchLike } from './jsonl';
import { shopifyMetrics } from './metrics';
import type { RetryPolicy } from './retry';
import type { Counts } from './resource-writers';
import { clientConfigOf, connectedShop, SYNC_RESOURCES, type ConnectedShop } from './settings';
import type { SyncContext, SyncProgress } from './sync-context';
import { claimRun, enqueueRun, finishRun, type SyncMode, type SyncRun } from './sync-runs';
import { readStates, startFullImport } from './sync-state';
import type { ShopifyDb, ShopifyTrx } from './tables';
import { sql } from 'kysely';
import { fromExcluded } from '../../src/sdk/db';

export interface SyncDeps {
  clock?: Clock;
  /** One breaker per shop, shared by every sync of the process. */
  breakers?: BreakerRegistry;
  fetch?: FetchLike;
  env?: NodeJS.ProcessEnv;
  batchSize?: number;
  bulk?: Partial<BulkOptions>;
  retry?: Partial<RetryPolicy>;
  onProgress?: (p: SyncProgress) => void;
}

export interface SyncOutcome {
  runId: string;
  ok: boolean;
  mode: SyncMode;
  counts: Counts;
  errors: string[];
  throttledWaits: number;
}

/** One breaker per shop for the whole process: syncs and write-through share it. */
export const processBreakers = new BreakerRegistry(systemClock);

/** Queues a sync for the tenant (or returns the one already queued or running). */
export async function requestSync(runtime: PluginRuntime, tenant: Tenant, mode: SyncMode, trigger: string) {
  const shop = connectedShop(tenant);
  if (!shop) throw new GatewayError('BAD_USER_INPUT', 'This tenant has no Shopify shop configured');
  return runtime.withTenant<ShopifyDb, SyncRun>(tenant.id, async (trx) => {
    const run = await queueSync(trx, tenant.id, shop, mode, trigger);
    if (!run) throw new GatewayError('BAD_USER_INPUT', 'The Shopify app was uninstalled from this shop');
    return run;
  });
}

/**
 * Records the connection and queues a sync in the caller's transaction (or returns the one already
 * queued or running); null when the app was uninstalled from the shop.
 */
export async function queueSync(
  trx: ShopifyTrx,
  tenantId: string,
  shop: ConnectedShop,
  mode: SyncMode,
  trigger: string,
): Promise<SyncRun | null> {
  await ensureConnection(trx, tenantId, shop);
  const connection = await trx
    .selectFrom('shopify_connections')
    .select('status')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return connection.status === 'uninstalled' ? null : enqueueRun(trx, tenantId, mode, trigger);
}

/** Claims the tenant's next queued run and runs it; null when there was nothing to claim. */
export async function runNextSync(
  runtime: PluginRuntime,
  tenant: Tenant,
  deps: SyncDeps = {},
): Promise<SyncOutcome | null> {
  const run = await runtime.withTenant<ShopifyDb, SyncRun | null>(tenant.id, (trx) => claimRun(trx, tenant.id));
  return run ? executeRun(runtime, tenant, run, deps) : null;
}

/** Runs a claimed run to its end and records the outcome; failures are recorded, not thrown. */
async function executeRun(runtime: PluginRuntime, tenant: Tenant, run: SyncRun, deps: SyncDeps): Promise<SyncOutcome> {
  const counts: Counts = {};
  let waits = 0;
  const errors: string[] = [];
  const tx: SyncContext['tx'] = (fn) => runtime.withTenant<ShopifyDb, never>(tenant.id, fn as never);
  try {
    const shop = connectedShop(tenant);
    if (!shop) throw new GatewayError('BAD_USER_INPUT', 'This tenant has no Shopify shop configured');
    const clock = deps.clock ?? systemClock;
    // Every wait of the client (pacing for cost, Retry-After, backoff) counts as throttling.
    const pacedClock: Clock = {
      now: () => clock.now(),
      sleep: (ms, signal) => {
        if (ms > 0) {
          waits++;
          runtime.metrics?.counter(shopifyMetrics.throttled).inc({ tenant: tenant.id });
        }
        return clock.sleep(ms, signal);
      },
    };
    const admin: AdminClient = createAdminClient(clientConfigOf(shop, deps.env), {
      clock: pacedClock,
      retry: deps.retry,
      breaker: (deps.breakers ?? processBreakers).forShop(shop.shop),
    });
    const fetchImpl = deps.fetch ?? fetch;
    const ctx: SyncContext = {
      runtime,
      tenantId: tenant.id,
      runId: run.id,
      admin,
      bulk: new BulkQueryRunner(admin, { clock, fetch: fetchImpl, ...deps.bulk }),
      fetch: fetchImpl,
      batchSize: deps.batchSize ?? 250,
      counts,
      waits: () => waits,
      progress: (p) => deps.onProgress?.(p),
      tx,
    };
    await syncResources(ctx, shop, run.mode);
  } catch (error) {
    errors.push(safeMessage(error));
    runtime.log.warn({ err: error, tenant: tenant.id, run: run.id }, 'shopify sync failed');
  }
  const outcome = { ok: errors.length === 0, counts, errors, waits };
  await tx((trx) => finishRun(trx, run, outcome));
  return { runId: run.id, ok: outcome.ok, mode: run.mode, counts, errors, throttledWaits: waits };
}

/**
 * Resources in dependency order (variants before their stock, customers before their orders). A
 * resource never fully imported, or left mid-import by a failed run, is (re)imported from its
 * checkpoint; the others get what changed since their high-water mark.
 */
async function syncResources(ctx: SyncContext, shop: ConnectedShop, mode: SyncMode) {
  const resources = SYNC_RESOURCES.filter((r) => shop.resources.includes(r));
  let states = await ctx.tx((trx) => readStates(trx, ctx.tenantId));
  const resuming = resources.some((r) => states.get(r)?.full_pending);
  const fresh = resources.filter((r) => !states.has(r) || (mode === 'full' && !resuming));
  if (fresh.length > 0) {
    await ctx.tx((trx) => startFullImport(trx, ctx.tenantId, fresh));
    states = await ctx.tx((trx) => readStates(trx, ctx.tenantId));
  }
  for (const resource of resources) {
    const state = states.get(resource)!;
    if (state.full_pending) await fullImport(ctx, resource, state);
    else if (mode === 'incremental') await incrementalImport(ctx, resource, state);
  }
}

/** Records the shop and pinned version the tenant file names (kept uninstalled if it was). */
async function ensureConnection(trx: ShopifyTrx, tenantId: string, shop: ConnectedShop) {
  await trx
    .insertInto('shopify_connections')
    .values({ tenant_id: tenantId, shop: shop.shop, api_version: shop.apiVersion, status: 'active' })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        ...fromExcluded(['shop', 'api_version']),
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** A coded error's message is safe by construction; anything else is masked. */
function safeMessage(error: unknown): string {
  return error instanceof GatewayError ? `${error.code}: ${error.message}` : 'INTERNAL_SERVER_ERROR: sync failed';
}

/** The shop's circuit breaker state in this process (CLOSED when it never failed). */
export function circuitStateOf(shop: string): string {
  return processBreakers.forShop(shop).state.toUpperCase().replace('-', '_');
}
