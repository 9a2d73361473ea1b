import { Command } from 'commander';
import { createGateway } from '../engine/gateway';
import { seedPlugins } from '../engine/seed';
import { bootEnv, runCommand } from './boot';

export const seedCommand = new Command('seed')
  .description('write sample data for every valid tenant (migrates first)')
  .option('--demo', 'a small realistic shop per tenant (what npm start loads)')
  .option('--bench', 'a large catalog and order history for the benchmarks')
  .action((opts: { demo?: boolean; bench?: boolean }) =>
    runCommand(async () => {
      if (!opts.demo === !opts.bench) throw new Error('pass exactly one of --demo or --bench');
      const env = bootEnv();
      const gateway = await createGateway({ env, migrate: true });
      try {
        const seeded = await seedPlugins(gateway.runtime, gateway.composition.plugins, opts.bench ? 'bench' : 'demo');
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
