import { basename, dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { projectRoot } from '../sdk';
import { createTenantFile, rotateStorefrontToken } from '../tenants/onboarding';
import { bootEnv, runCommand } from './boot';
import { loadRegistry } from './registry';
import { candidatesFrom } from '../engine/gateway';
import { composePlugins } from '../plugins/compose';
import { adminScopesOf } from '../plugins/manifest-facts';

export const tenantCommand = new Command('tenant').description('tenant configuration files');

const tenantsDir = () => resolve(projectRoot(), bootEnv().TENANTS_DIR);

tenantCommand
  .command('validate')
  .description('validate every tenant file (or one file, against its folder); exits 1 when any is invalid')
  .argument('[file]', 'a tenant file; ids and tokens are checked for duplicates across its folder')
  .action((file?: string) =>
    runCommand(async () => {
      const env = bootEnv();
      const registry = loadRegistry(env, file ? dirname(resolve(file)) : undefined);
      const rows = registry.status().filter((t) => !file || basename(t.file) === basename(file));
      for (const t of rows) {
        console.log(`${t.state === 'active' ? 'ok     ' : 'INVALID'}  ${t.file}`);
        for (const p of t.problems) console.log(`           ${p}`);
      }
      if (rows.length === 0) console.log(file ? `no tenant file ${file}` : 'no tenant files');
      if (rows.length === 0 || rows.some((t) => t.state !== 'active')) process.exitCode = 1;
    }),
  );

tenantCommand
  .command('create')
  .description('write tenants/<id>.yaml with a new storefront token (printed once; only its hash is stored)')
  .argument('<id>', 'lowercase letters, digits and dashes')
  .option('--name <name>', 'display name (default: the id)')
  .option('--currency <code>', 'ISO-4217 currency', 'USD')
  .option('--locale <locale>', 'locale', 'en-US')
  .option('--plugins <list>', 'comma-separated plugins to enable (default: every available plugin)')
  .option('--issuer <iss>', 'admin JWT issuer', 'retail-gateway')
  .option('--audience <aud>', 'admin JWT audience', 'retail-gateway-admin')
  .action((id: string, opts: Record<string, string | undefined>) =>
    runCommand(async () => {
      const env = bootEnv();
      const composition = composePlugins(candidatesFrom(env), env.GATEWAY_REQUIRED_PLUGINS);
      const available = composition.plugins.filter((p) => !p.alwaysOn).map((p) => p.name);
      const plugins = opts.plugins
        ? opts.plugins
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : available;
      const unknown = plugins.filter((p) => !available.includes(p));
      if (unknown.length)
        throw new Error(`unknown plugin(s): ${unknown.join(', ')} (available: ${available.join(', ')})`);
      const created = createTenantFile(tenantsDir(), {
        id,
        name: opts.name ?? id,
        currency: opts.currency!,
        locale: opts.locale!,
        plugins,
        issuer: opts.issuer!,
        audience: opts.audience!,
      });
      console.log(`Wrote ${created.file}`);
      console.log(`Storefront token (shown once; only its SHA-256 is stored):\n  ${created.token}`);
      console.log('Set these environment variables on the gateway (at least 32 random characters each):');
      for (const name of created.variables) console.log(`  ${name}=$(openssl rand -base64 48)`);
      console.log('Then reload the gateway (kill -HUP <pid>) and mint an admin token:');
      console.log(
        `  npm run gateway -- token --tenant ${id} --role admin --scopes ${[...adminScopesOf(composition.plugins)].slice(0, 2).join(',')}`,
      );
    }),
  );

tenantCommand
  .command('rotate-token')
  .description("replace a tenant's storefront token; the new one is printed once")
  .argument('<id>', 'tenant id')
  .option('--keep-previous', 'keep accepting the previous token(s) until the next rotation')
  .action((id: string, opts: { keepPrevious?: boolean }) =>
    runCommand(async () => {
      const file = resolve(tenantsDir(), `${id}.yaml`);
      const rotated = rotateStorefrontToken(file, opts.keepPrevious);
      console.log(`Updated ${file}`);
      console.log(`New storefront token (shown once):\n  ${rotated.token}`);
      if (rotated.droppedVariable) console.log(`The token in ${rotated.droppedVariable} is no longer accepted.`);
      console.log('Reload the gateway (kill -HUP <pid>) to apply it.');
    }),
  );
