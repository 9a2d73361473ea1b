import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadTenantDir, type TenantLoadOptions } from '../../src/tenants/load';
import { AUDIENCE, ISSUER, secretVariable, storefrontToken, tenantDir, tenantYaml, writeTenant } from './tenant-files';
import { sha256Hex } from '../../src/tenants/load';

const options: TenantLoadOptions = {
  plugins: new Map([
    ['core', undefined],
    ['guarded', z.object({ greeting: z.string().max(10).default('hi') }).strict()],
  ]),
  quarantined: new Set(['broken']),
  alwaysOn: new Set(['core']),
  adminScopes: new Set(),
  env: process.env,
};

/** Loads a folder holding one good tenant and the given file; returns that file's problems. */
function problemsOf(file: string, text: string): string[] {
  const dir = tenantDir();
  writeTenant(dir, 'good-shop');
  writeFileSync(join(dir, file), text);
  const { valid, invalid } = loadTenantDir(dir, options);
  expect(valid.map((e) => e.tenant.id)).toContain('good-shop');
  return invalid.find((p) => p.file.endsWith(file))?.problems ?? [];
}

for (const id of ['typed-shop', 'plug-shop', 'another-shop', 'pem-shop', 'key-shop']) {
  process.env[secretVariable(id)] = 'z'.repeat(40);
}

describe('tenant file validation', () => {
  it("enables the manifests' always-on plugins for every tenant, listed or not", () => {
    const dir = tenantDir();
    writeTenant(dir, 'another-shop', { plugins: [] });
    const { valid } = loadTenantDir(dir, { ...options, alwaysOn: new Set(['guarded']) });
    expect([...valid[0].tenant.plugins]).toEqual(['guarded']);
  });

  it('accepts a complete file, with defaults and validated plugin settings', () => {
    const dir = tenantDir();
    writeTenant(dir, 'full-shop', {
      plugins: ['guarded'],
      locale: 'fr-FR',
      limits: { maxDepth: 8, maxCost: 500, rateBucketSize: 1000, rateRestorePerSecond: 50 },
      settings: { guarded: { greeting: 'bonjour' } },
      cors: { origins: ['https://shop.example'] },
    });
    const { valid, invalid } = loadTenantDir(dir, options);
    expect(invalid).toEqual([]);
    const tenant = valid[0].tenant;
    expect(tenant.limits).toMatchObject({ maxDepth: 8, maxCost: 500, rateBucketSize: 1000, maxAliases: 30 });
    expect(tenant.settings).toEqual({ guarded: { greeting: 'bonjour' } });
    expect([...tenant.plugins]).toEqual(['core', 'guarded']);
    expect(valid[0].config.admin?.clockToleranceSeconds).toBe(30);
  });

  it('reports malformed YAML', () => {
    expect(problemsOf('bad-yaml.yaml', 'id: bad-yaml\nname: [unclosed\n')).toEqual([
      expect.stringMatching(/^\(file\): malformed YAML/),
    ]);
  });

  it('reports wrong types with the path of each bad field', () => {
    const text = tenantYaml('typed-shop', { currency: 12, limits: { maxDepth: 'ten' }, extra: true });
    expect(problemsOf('typed-shop.yaml', text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^currency: /),
        expect.stringMatching(/^limits\.maxDepth: /),
        expect.stringMatching(/^\(file\): .*extra/),
      ]),
    );
  });

  it("reports an unknown plugin and bad plugin settings by the plugin's own schema", () => {
    const text = tenantYaml('plug-shop', {
      plugins: ['guarded', 'nope'],
      settings: { guarded: { greeting: 'far too long a greeting' } },
    });
    expect(problemsOf('plug-shop.yaml', text).sort()).toEqual([
      'plugins.1: unknown plugin "nope"',
      expect.stringMatching(/^settings\.guarded\.greeting: /),
    ]);
  });

  it('serves a tenant that enables a quarantined plugin without it, with a warning', () => {
    const dir = tenantDir();
    writeTenant(dir, 'q-shop', { plugins: ['guarded', 'broken'] });
    const { valid } = loadTenantDir(dir, options);
    expect([...valid[0].tenant.plugins]).toEqual(['core', 'guarded']);
    expect(valid[0].warnings).toEqual([expect.stringMatching(/^plugins\.1: plugin "broken" is quarantined/)]);
  });

  it('reports a missing environment variable', () => {
    const text = tenantYaml('env-shop', {
      admin: { issuer: ISSUER, audience: AUDIENCE, hs256SecretEnv: 'TENANCY_NOT_SET' },
    });
    expect(problemsOf('env-shop.yaml', text)).toEqual([
      'admin.hs256SecretEnv: environment variable TENANCY_NOT_SET is not set',
    ]);
  });

  it('reports a duplicate id, in a copied file or a second extension', () => {
    process.env[secretVariable('good-shop')] = 'x'.repeat(40);
    expect(problemsOf('copy-shop.yaml', tenantYaml('good-shop'))).toEqual([
      expect.stringMatching(/^id: "good-shop" duplicates the id of good-shop\.yaml/),
    ]);
    expect(problemsOf('good-shop.yml', tenantYaml('good-shop'))).toEqual(['id: duplicate of good-shop.yaml']);
  });

  it('reports a duplicate storefront token', () => {
    const text = tenantYaml('twin-shop', { storefront: { tokenHashes: [sha256Hex(storefrontToken('good-shop'))] } });
    process.env[secretVariable('twin-shop')] = 'y'.repeat(40);
    expect(problemsOf('twin-shop.yaml', text)).toEqual([
      expect.stringMatching(/^storefront: a storefront token duplicates one of good-shop\.yaml/),
    ]);
  });

  it('refuses a file that holds a secret, by pattern or by key', () => {
    const pem = `# -----BEGIN PRIVATE KEY-----\n${tenantYaml('pem-shop')}`;
    expect(problemsOf('pem-shop.yaml', pem)).toEqual([
      expect.stringMatching(/^\(file\): looks like it holds a private key/),
    ]);
    const inline = tenantYaml('key-shop', { plugins: ['guarded'], settings: { guarded: { accessToken: 'abc123' } } });
    expect(problemsOf('key-shop.yaml', inline)).toEqual([
      'settings.guarded.accessToken: looks like a secret; name an environment variable instead',
    ]);
  });

  it('checks the admin key settings: JWKS source, public keys only, https', () => {
    const admin = (extra: object) =>
      tenantYaml('jwk-shop', { admin: { issuer: ISSUER, audience: AUDIENCE, ...extra } });
    expect(problemsOf('jwk-shop.yaml', admin({ algorithms: ['RS256'] }))).toEqual([
      'admin.jwksFile: jwksFile or jwksUrl is required for RS256/ES256',
    ]);
    expect(problemsOf('jwk-shop.yaml', admin({ algorithms: ['RS256'], jwksFile: 'missing.json' }))).toEqual([
      'admin.jwksFile: missing.json: file not found',
    ]);
    expect(problemsOf('jwk-shop.yaml', admin({ algorithms: ['ES256'], jwksUrl: 'http://idp.example/jwks' }))).toEqual([
      expect.stringMatching(/^admin\.jwksUrl: must be https/),
    ]);
    const dir = tenantDir();
    writeFileSync(join(dir, 'private.json'), JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }));
    writeFileSync(join(dir, 'jwk-shop.yaml'), admin({ algorithms: ['RS256'], jwksFile: 'private.json' }));
    expect(loadTenantDir(dir, options).invalid[0].problems).toEqual([
      expect.stringMatching(/^admin\.jwksFile: private\.json: holds private or symmetric key material/),
    ]);
  });

  it('reports an id that does not match its file name', () => {
    expect(problemsOf('other-name.yaml', tenantYaml('another-shop'))).toEqual([
      'id: "another-shop" must match the file name (other-name.yaml)',
    ]);
  });
});
