import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv } from '../../src/config/env';
import { ConfigError } from '../../src/config/env';
import { createGateway } from '../../src/engine/gateway';
import type { GatewayStatus } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { pluginPath } from '../kit/gateway';
import { runGateway } from './cli';
import { GUARDED_PLUGIN, storefrontToken, tenantDir, tenantYaml, writeTenant } from './tenant-files';

const dir = tenantDir();

/** The starting files: two good tenants and one of each kind of bad file. Reset before each database kind. */
function writeStartingFiles() {
  for (const file of readdirSync(dir)) rmSync(join(dir, file));
  delete process.env.TENANCY_ENV_SHOP_TOKEN;
  delete process.env.NEW_SHOP_JWT_SECRET;
  writeTenant(dir, 'live-shop', { plugins: ['guarded'], settings: { guarded: { greeting: 'first' } } });
  writeTenant(dir, 'calm-shop', { plugins: ['guarded'] });
  writeFileSync(join(dir, 'yaml-shop.yaml'), 'id: yaml-shop\nplugins: [guarded\n');
  writeTenant(dir, 'type-shop', { currency: 'dollars' });
  writeTenant(dir, 'plug-shop', { plugins: ['no-such-plugin'] });
  writeTenant(dir, 'env-shop', { storefront: { tokenEnv: 'TENANCY_ENV_SHOP_TOKEN' } });
  writeFileSync(join(dir, 'copy-shop.yaml'), tenantYaml('calm-shop'));
}
writeStartingFiles();

const GREETING = '{ greeting }';
const storefront = (id: string) => ({ 'x-storefront-token': storefrontToken(id) });

describeEachDatabase(
  'tenant configuration at start-up and on reload',
  { plugins: ['core', GUARDED_PLUGIN], tenantsDir: dir },
  (get) => {
    const ready = async () => (await (await fetch(`${get().adminUrl}/readyz`)).json()) as GatewayStatus;
    // What /readyz shows (it caches for a second, so right after a reload read the registry itself).
    const tenantRow = async (id: string) =>
      get()
        .gateway.registry.status()
        .find((t) => t.id === id);
    afterAll(writeStartingFiles);

    it('disables each bad tenant only, with its file and the path of the bad field in /readyz', async () => {
      const status = await ready();
      expect(status.ready).toBe(true);
      const disabled = Object.fromEntries(status.tenants.filter((t) => t.state === 'disabled').map((t) => [t.id, t]));
      expect(Object.keys(disabled).sort()).toEqual(['copy-shop', 'env-shop', 'plug-shop', 'type-shop', 'yaml-shop']);
      expect(disabled['yaml-shop'].problems[0]).toMatch(/^\(file\): malformed YAML/);
      expect(disabled['type-shop'].problems[0]).toMatch(/^currency: /);
      expect(disabled['plug-shop'].problems).toEqual(['plugins.0: unknown plugin "no-such-plugin"']);
      expect(disabled['env-shop'].problems).toEqual([
        'storefront.tokenEnv: environment variable TENANCY_ENV_SHOP_TOKEN is not set',
      ]);
      expect(disabled['copy-shop'].problems[0]).toMatch(/duplicates the id of calm-shop\.yaml/);
      for (const row of Object.values(disabled)) expect(row.file).toMatch(new RegExp(`${row.id}\\.yaml$`));
    });

    it('answers TENANT_UNAVAILABLE to a disabled tenant while the others serve', async () => {
      const t = get();
      const off = await t.graphql(GREETING, {}, storefront('plug-shop'));
      expect(off.status).toBe(503);
      expect(off.body.errors?.[0]?.extensions?.code).toBe('TENANT_UNAVAILABLE');
      const on = await t.graphql(GREETING, {}, storefront('live-shop'));
      expect(on.body.data).toEqual({ greeting: 'first' });
    });

    it('keeps the last good configuration of a tenant whose new file is bad, and reports it', async () => {
      const t = get();
      writeTenant(dir, 'live-shop', { plugins: ['guarded'], settings: { guarded: { greeting: 42 } } });
      const problems = t.gateway.reloadTenants();
      expect(problems.find((p) => p.id === 'live-shop')?.problems).toEqual([
        expect.stringMatching(/^settings\.guarded\.greeting: /),
      ]);
      expect((await t.graphql(GREETING, {}, storefront('live-shop'))).body.data).toEqual({ greeting: 'first' });
      const row = await tenantRow('live-shop');
      expect(row?.state).toBe('active');
      expect(row?.problems[0]).toMatch(/live-shop\.yaml is invalid; serving the last good configuration/);

      writeTenant(dir, 'live-shop', { plugins: ['guarded'], settings: { guarded: { greeting: 'second' } } });
      expect(t.gateway.reloadTenants().find((p) => p.id === 'live-shop')).toBeUndefined();
      expect((await t.graphql(GREETING, {}, storefront('live-shop'))).body.data).toEqual({ greeting: 'second' });
      expect((await tenantRow('live-shop'))?.problems).toEqual([]);
    });

    it('enables a fixed tenant and drops a removed one on reload', async () => {
      const t = get();
      process.env.TENANCY_ENV_SHOP_TOKEN = 'env-shop-storefront-token-0123456789';
      t.gateway.reloadTenants();
      expect((await t.graphql(GREETING, {}, { 'x-storefront-token': process.env.TENANCY_ENV_SHOP_TOKEN })).status).toBe(
        200,
      );
      rmSync(join(dir, 'env-shop.yaml'));
      t.gateway.reloadTenants();
      const gone = await t.graphql(GREETING, {}, { 'x-storefront-token': process.env.TENANCY_ENV_SHOP_TOKEN });
      expect(gone.status).toBe(401);
      expect(await tenantRow('env-shop')).toBeUndefined();
    });

    it('onboards a tenant end to end: create, set the variables, reload, query', async () => {
      const t = get();
      const cliEnv = { TENANTS_DIR: dir, GATEWAY_PLUGIN_PATHS: GUARDED_PLUGIN };
      const created = await runGateway(
        ['tenant', 'create', 'new-shop', '--name', 'New Shop', '--currency', 'EUR', '--plugins', 'guarded'],
        cliEnv,
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const token = /^\s+(rgsf_\S+)$/m.exec(created.stdout)?.[1];
      const variable = /^\s+(NEW_SHOP_JWT_SECRET)=/m.exec(created.stdout)?.[1];
      expect(token).toBeDefined();
      expect(variable).toBe('NEW_SHOP_JWT_SECRET');

      // Before its variable is set the new tenant is known but unavailable.
      t.gateway.reloadTenants();
      expect((await t.graphql(GREETING, {}, { 'x-storefront-token': token! })).status).toBe(503);

      const secret = randomBytes(32).toString('base64url');
      process.env.NEW_SHOP_JWT_SECRET = secret;
      expect(t.gateway.reloadTenants().find((p) => p.id === 'new-shop')).toBeUndefined();
      const res = await t.graphql(GREETING, {}, { 'x-storefront-token': token! });
      expect(res.body).toMatchObject({ data: { greeting: 'hello' } });

      const minted = await runGateway(['token', '--tenant', 'new-shop', '--role', 'admin', '--scopes', 'read_orders'], {
        ...cliEnv,
        NEW_SHOP_JWT_SECRET: secret,
      });
      expect(minted.code).toBe(0);
      const admin = { authorization: `Bearer ${minted.stdout.trim()}` };
      expect((await t.graphql('{ viaOr gatewayStatus { ready } }', {}, admin)).body.data).toEqual({
        viaOr: 'or',
        gatewayStatus: { ready: true },
      });

      const rotated = await runGateway(['tenant', 'rotate-token', 'new-shop'], cliEnv);
      expect(rotated.code).toBe(0);
      const fresh = /^\s+(rgsf_\S+)$/m.exec(rotated.stdout)?.[1];
      t.gateway.reloadTenants();
      expect((await t.graphql(GREETING, {}, { 'x-storefront-token': token! })).status).toBe(401);
      expect((await t.graphql(GREETING, {}, { 'x-storefront-token': fresh! })).body.data).toEqual({
        greeting: 'hello',
      });
    });

    it('validates files from the command line, naming file and field', async () => {
      const res = await runGateway(['tenant', 'validate', join(dir, 'type-shop.yaml')], {
        GATEWAY_PLUGIN_PATHS: GUARDED_PLUGIN,
      });
      expect(res.code).toBe(1);
      expect(res.stdout).toMatch(/INVALID\s+\S*type-shop\.yaml\n\s+currency: /);
      const good = await runGateway(['tenant', 'validate', join(dir, 'live-shop.yaml')], {
        GATEWAY_PLUGIN_PATHS: GUARDED_PLUGIN,
      });
      expect(good.stdout).toMatch(/^ok\s+\S*live-shop\.yaml$/m);
      expect(good.code).toBe(0);
    });

    it('refuses to start without a valid tenant, listing every reason', async () => {
      const bad = tenantDir();
      writeFileSync(join(bad, 'one.yaml'), 'id: one\nname: [\n');
      writeTenant(bad, 'two', { plugins: ['nothing-here'] });
      const env = loadEnv({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', TENANTS_DIR: bad });
      const start = createGateway({
        env,
        plugins: [pluginPath('core'), GUARDED_PLUGIN],
        database: get().database,
      });
      await expect(start).rejects.toBeInstanceOf(ConfigError);
      await expect(start).rejects.toThrow(
        /one\.yaml:\n\s+\(file\): malformed YAML[\s\S]*two\.yaml:\n\s+plugins\.0: unknown plugin "nothing-here"/,
      );
    });
  },
);
