import { Command } from 'commander';
import { migrateDown, migrateUp, migrationStatus } from '../db/migrator';
import { createDatabaseFromEnv } from '../engine/gateway';
import { pluginMigrations } from '../engine/migrations';
import { createLogger } from '../observability/logger';
import { bootEnv, runCommand } from './boot';
import { activePlugins } from './plugins';

async function withMigrations(
  fn: (db: Parameters<typeof migrateUp>[0], list: ReturnType<typeof pluginMigrations>) => Promise<void>,
) {
  const env = bootEnv();
  const list = pluginMigrations(activePlugins(env));
  const database = await createDatabaseFromEnv(env, createLogger('warn'));
  try {
    await fn(database.db, list);
  } finally {
    await database.close();
  }
}

export const migrateCommand = new Command('migrate').description("apply or revert the plugins' database migrations");

migrateCommand
  .command('up')
  .description('apply every pending migration, plugin by plugin in dependency order')
  .action(() =>
    runCommand(() =>
      withMigrations(async (db, list) => {
        const applied = await migrateUp(db, list);
        console.log(applied.length ? `applied:\n  ${applied.join('\n  ')}` : 'up to date');
      }),
    ),
  );

migrateCommand
  .command('down')
  .description('revert migrations: one plugin by --steps, or every plugin with --all')
  .option('--plugin <name>', 'the plugin whose migrations to revert')
  .option('--steps <n>', 'how many of its migrations to revert', '1')
  .option('--all', 'revert every migration of every plugin (drops all data)')
  .action((opts: { plugin?: string; steps: string; all?: boolean }) =>
    runCommand(() =>
      withMigrations(async (db, list) => {
        if (!opts.all && !opts.plugin) throw new Error('pass --plugin <name> or --all');
        const only = opts.all ? undefined : { plugin: opts.plugin!, steps: Number(opts.steps) };
        const reverted = await migrateDown(db, list, only);
        console.log(reverted.length ? `reverted:\n  ${reverted.join('\n  ')}` : 'nothing to revert');
      }),
    ),
  );

migrateCommand
  .command('status')
  .description('list every migration and whether it has run')
  .action(() =>
    runCommand(() =>
      withMigrations(async (db, list) => {
        for (const row of await migrationStatus(db, list)) {
          console.log(`${row.executedAt ? 'applied' : 'pending'}  ${row.plugin}/${row.name}`);
        }
      }),
    ),
  );
