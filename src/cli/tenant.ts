import { dirname } from 'node:path';
import { Command } from 'commander';
import { bootEnv, runCommand } from './boot';
import { loadRegistry } from './registry';

export const tenantCommand = new Command('tenant').description('tenant configuration files');

tenantCommand
  .command('validate')
  .description('validate every tenant file (or the folder of one file); exits 1 when any is invalid')
  .argument('[file]', 'a tenant file; its folder is validated as a whole (ids and tokens must be unique)')
  .action((file?: string) =>
    runCommand(async () => {
      const env = bootEnv();
      const registry = loadRegistry(env, file ? dirname(file) : undefined);
      const rows = registry.status().filter((t) => !file || t.file.endsWith(file.split('/').pop()!));
      for (const t of rows) {
        console.log(`${t.state === 'active' ? 'ok     ' : 'INVALID'}  ${t.file}`);
        for (const p of t.problems) console.log(`           ${p}`);
      }
      if (rows.length === 0 || rows.some((t) => t.state !== 'active' || t.problems.length)) process.exitCode = 1;
    }),
  );
