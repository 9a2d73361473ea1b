import type { PluginJob, PluginRuntime, Tenant } from '../../src/sdk';
import { connectedShop } from '../../connectors/shopify/settings';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { processWebhooks } from '../../connectors/shopify/webhook-worker';

const shops = (runtime: PluginRuntime): Tenant[] => runtime.tenants().filter((t) => connectedShop(t));

/** Runs each tenant's next queued sync (claimed with skip locked, so instances share the work). */
const syncWorker: PluginJob = {
  name: 'shopify-sync',
  intervalMs: 5_000,
  everyInstance: true,
  async run(runtime, signal) {
    for (const tenant of shops(runtime)) {
      if (signal.aborted) return;
      await runNextSync(runtime, tenant);
    }
  },
};

/** Applies queued webhooks. */
const webhookWorker: PluginJob = {
  name: 'shopify-webhooks',
  intervalMs: 1_000,
  everyInstance: true,
  async run(runtime, signal) {
    for (const tenant of shops(runtime)) {
      if (signal.aborted) return;
      await processWebhooks(runtime, tenant, { signal });
    }
  },
};

/**
 * Webhook delivery is not guaranteed: every 15 minutes, fetch what changed since the last sync. Once
 * per tick across the fleet (queuing is idempotent anyway).
 */
const reconcile: PluginJob = {
  name: 'shopify-reconcile',
  intervalMs: 15 * 60_000,
  async run(runtime, signal) {
    for (const tenant of shops(runtime)) {
      if (signal.aborted) return;
      await requestSync(runtime, tenant, 'incremental', 'reconcile').catch((err: unknown) =>
        runtime.log.warn({ err, tenant: tenant.id }, 'shopify reconciliation not queued'),
      );
    }
  },
};

export const jobs = [syncWorker, webhookWorker, reconcile];
