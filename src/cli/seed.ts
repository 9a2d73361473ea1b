import { Command } from 'commander';
import { createGateway } from '../engine/gateway';
import { seedPlugins } from '../engine/seed';
import { bootEnv, runCommand } from './boot';

export const seedCommand = new Command('seed')
  .description('write sample data for every valid tenant (migrates first)')
  .option('--demo', 'a small realistic shop per tenant (what npm start loads)')
  .option('--bench', 'a large catalog and order history for the benchmarks')
  .option('--products <n>', 'with --bench: products per tenant (default 10000)')
  .action((opts: { demo?: boolean; bench?: boolean; products?: string }) =>
    runCommand(async () => {
      if (!opts.demo === !opts.bench) throw new Error('pass exactly one of --demo or --bench');
      const products = opts.products === undefined ? undefined : Number(opts.products);
      if (products !== undefined && (!opts.bench || !Number.isInteger(products) || products < 1)) {
        throw new Error('--products takes a positive whole number, with --bench');
      }
      const env = bootEnv();
      const gateway = await createGateway({ env, migrate: true });
      try {
        const seeded = await seedPlugins(gateway.runtime, gateway.composition.plugins, opts.bench ? 'bench' : 'demo', {
          products,
        });
        console.log(
          `seeded ${seeded.join(', ') || 'nothing'} for ${gateway.runtime
            .tenants()
            .map((t) => t.id)
            .join(', ')}`,
        );
      } finally {
        await gateway.stop();
      }
    }),
  );
