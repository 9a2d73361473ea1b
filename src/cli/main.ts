import { Command } from 'commander';
import { migrateCommand } from './migrate';
import { schemaCommand } from './schema';
import { seedCommand } from './seed';
import { serveCommand } from './serve';
import { syncCommand } from './sync';
import { tenantCommand } from './tenant';
import { tokenCommand } from './token';

const program = new Command('gateway')
  .description('Retail Gateway: a multi-tenant GraphQL gateway for retail')
  // Options after `sync <plugin>` are the plugin command's (src/cli/plugin-commands.ts).
  .enablePositionalOptions()
  .addCommand(serveCommand)
  .addCommand(migrateCommand)
  .addCommand(seedCommand)
  .addCommand(tenantCommand)
  .addCommand(tokenCommand)
  .addCommand(schemaCommand)
  .addCommand(syncCommand);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
