import { Command } from 'commander';
import { createGateway } from '../engine/gateway';
import { SYNC_RESOURCES, connectedShop } from '../../connectors/shopify/settings';
import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import type { SyncProgress } from '../../connectors/shopify/sync-context';
import { bootEnv, runCommand } from './boot';

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

const sync = new Command('shopify')
  .description("synchronise a tenant's Shopify store into the retail tables (migrates first)")
  .requiredOption('--tenant <id>', 'tenant id')
  .option('--full', 're-import everything through bulk operations (default: changes since the last sync)')
  .action((opts: { tenant: string; full?: boolean }) =>
    runCommand(async () => {
      const gateway = await createGateway({ env: bootEnv(), migrate: true });
      try {
        const tenant = gateway.runtime.tenants().find((t) => t.id === opts.tenant);
        if (!tenant) throw new Error(`no valid tenant "${opts.tenant}"`);
        const shop = connectedShop(tenant);
        if (!shop)
          throw new Error(`tenant "${opts.tenant}" has no settings.shopify.shop (or the plugin is not enabled)`);
        const queued = await requestSync(gateway.runtime, tenant, opts.full ? 'full' : 'incremental', 'cli');
        console.log(`sync ${queued.id} of ${shop.shop} (${queued.mode}) for ${tenant.id}`);
        const tty = process.stdout.isTTY === true;
        const resources = SYNC_RESOURCES.filter((r) => shop.resources.includes(r));
        const outcome = await runNextSync(gateway.runtime, tenant, { onProgress: progressPrinter(resources, tty) });
        if (tty) process.stdout.write('\n');
        if (!outcome) throw new Error('another gateway instance is running this sync; see shopifyConnection');
        const counts = Object.entries(outcome.counts).map(([k, v]) => `${k}=${v}`);
        console.log(`${outcome.ok ? 'done' : 'failed'}: ${counts.join(' ') || 'nothing changed'}`);
        if (outcome.throttledWaits) console.log(`throttled or retried ${outcome.throttledWaits} times`);
        if (!outcome.ok) throw new Error(outcome.errors.join('; '));
      } finally {
        await gateway.stop();
      }
    }),
  );

export const syncCommand = new Command('sync').description('synchronise external stores').addCommand(sync);
