import type { PluginCommand, PluginRuntime } from '../../src/sdk';
import { SYNC_RESOURCES, connectedShop } from '../../connectors/shopify/settings';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import type { SyncProgress } from '../../connectors/shopify/sync-context';

/** A bar over the resources when stdout is a terminal; one plain line per batch otherwise. */
function progressPrinter(resources: readonly string[], tty: boolean) {
  return (p: SyncProgress) => {
    const done = resources.indexOf(p.resource);
    if (!tty) return void console.log(`${p.phase} ${p.resource}: ${p.written} written`);
    const width = 24;
    const filled = Math.round((width * done) / resources.length);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    process.stdout.write(`\r${bar} ${done + 1}/${resources.length} ${p.resource}: ${p.written} written   `);
  };
}

async function run(runtime: PluginRuntime, opts: { tenant?: unknown; full?: unknown }): Promise<void> {
  const tenant = runtime.tenants().find((t) => t.id === opts.tenant);
  if (!tenant) throw new Error(`no valid tenant "${String(opts.tenant)}"`);
  const shop = connectedShop(tenant);
  if (!shop) throw new Error(`tenant "${tenant.id}" has no settings.shopify.shop (or the plugin is not enabled)`);
  const queued = await requestSync(runtime, tenant, opts.full ? 'full' : 'incremental', 'cli');
  console.log(`sync ${queued.id} of ${shop.shop} (${queued.mode}) for ${tenant.id}`);
  const tty = process.stdout.isTTY === true;
  const resources = SYNC_RESOURCES.filter((r) => shop.resources.includes(r));
  const outcome = await runNextSync(runtime, tenant, { onProgress: progressPrinter(resources, tty) });
  if (tty) process.stdout.write('\n');
  if (!outcome) throw new Error('another gateway instance is running this sync; see shopifyConnection');
  const counts = Object.entries(outcome.counts).map(([k, v]) => `${k}=${v}`);
  console.log(`${outcome.ok ? 'done' : 'failed'}: ${counts.join(' ') || 'nothing changed'}`);
  if (outcome.throttledWaits) console.log(`throttled or retried ${outcome.throttledWaits} times`);
  if (!outcome.ok) throw new Error(outcome.errors.join('; '));
}

/** `npm run gateway -- sync shopify --tenant <id> [--full]`. */
export const syncCommand: PluginCommand = {
  description: "synchronise a tenant's Shopify store into the retail tables (migrates first)",
  options: [
    { flags: '--tenant <id>', description: 'tenant id', required: true },
    {
      flags: '--full',
      description: 're-import everything through bulk operations (default: changes since the last sync)',
    },
  ],
  run,
};
