import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sha256Hex } from '../../src/tenants/load';
import { projectRoot } from '../../src/sdk';

export const GUARDED_PLUGIN = join(projectRoot(), 'test', 'tenancy', 'fixtures', 'guarded', 'plugin.ts');

export const ISSUER = 'https://id.example.test';
export const AUDIENCE = 'retail-gateway-admin';

/** A fresh folder for tenant files. */
export const tenantDir = () => mkdtempSync(join(tmpdir(), 'rg-tenancy-'));

/** A tenant file's content with sensible defaults; `overrides` replaces top-level keys. */
export function tenantYaml(id: string, overrides: Record<string, unknown> = {}): string {
  return stringify({
    id,
    name: `Shop ${id}`,
    currency: 'USD',
    plugins: [],
    storefront: { tokenHashes: [sha256Hex(storefrontToken(id))] },
    admin: { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], hs256SecretEnv: secretVariable(id) },
    ...overrides,
  });
}

export const storefrontToken = (id: string) => `storefront-token-of-${id}-0123456789`;
export const secretVariable = (id: string) => `TENANCY_${id.toUpperCase().replace(/-/g, '_')}_JWT_SECRET`;
export const secretOf = (id: string) => `jwt-secret-of-${id}-0123456789abcdef0123456789`;

/** Writes a tenant file and sets its HS256 secret in this process's environment. */
export function writeTenant(dir: string, id: string, overrides: Record<string, unknown> = {}, file = `${id}.yaml`) {
  process.env[secretVariable(id)] = secretOf(id);
  writeFileSync(join(dir, file), tenantYaml(id, overrides));
}
