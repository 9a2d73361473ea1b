import type { PluginJob, PluginRuntime, Tenant } from '../../src/sdk';
import { connectedShop } from '../../connectors/shopify/settings';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';

/** Runs `work` for each tenant with a Shopify shop, one after another, until `signal` aborts. */
async function forEachShop(runtime: PluginRuntime, signal: AbortSignal, work: (tenant: Tenant) => Promise<unknown>) {
  for (const tenant of runtime.tenants().filter((t) => connectedShop(t))) {
    if (signal.aborted) return;
    await work(tenant);
  }
}

/** Runs each tenant's next queued sync (claimed with skip locked, so instances share the work). */
const syncWorker: PluginJob = {
  name: 'shopify-sync',
  intervalMs: 5_000,
  everyInstance: true,
  run: (runtime, signal) => forEachShop(runtime, signal, (tenant) => runNextSync(runtime, tenant)),
};

/** Applies queued webhooks. */
const webhookWorker: PluginJob = {
  name: 'shopify-webhooks',
  intervalMs: 1_000,
  everyInstance: true,
  run: (runtime, signal) => forEachShop(runtime, signal, (tenant) => processWebhooks(runtime, tenant, { signal })),
};

/**
 * Webhook delivery is not guaranteed: every 15 minutes, fetch what changed since the last sync. Once
 * per tick across the fleet (queuing is idempotent anyway).
 */
const reconcile: PluginJob = {
  name: 'shopify-reconcile',
  intervalMs: 15 * 60_000,
  run: (runtime, signal) =>
    forEachShop(runtime, signal, (tenant) =>
      requestSync(runtime, tenant, 'incremental', 'reconcile').catch((err: unknown) =>
        runtime.log.warn({ err, tenant: tenant.id }, 'shopify reconciliation not queued'),
      ),
    ),
};

export const jobs = [syncWorker, webhookWorker, reconcile];
