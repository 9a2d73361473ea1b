/**
 * Scenario (j): 50 tenants, each with a catalog of its own (500 products, 3 variants each, stock at two
 * locations), in the database `rg_bench_tenants` beside DATABASE_URL, and their storefront tokens. The
 * listing is sent round-robin over all 50 (each connection cycles through the tokens) and, to compare,
 * to one of them alone, against the same gateway.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/sdk';
import { withClient } from '../test/kit/databases';
import { benchSecrets, prepareDatabase } from './database';

export const MANY_TENANTS = 50;
export const PRODUCTS_PER_TENANT = 500;
const DATABASE = process.env.BENCH_TENANTS_DATABASE ?? 'rg_bench_tenants';

export interface ManyTenants {
  /** The environment of a gateway serving the 50 tenants (database, tenant files, tokens). */
  env: Record<string, string>;
  /** One `x-storefront-token` header per tenant, in tenant order. */
  tokens: Record<string, string>[];
}

const idOf = (n: number) => `shop${String(n).padStart(2, '0')}`;

/** The bench tenant's file with another id, name and token, and the catalog plugins only. */
function tenantFiles(): { dir: string; env: Record<string, string>; tokens: Record<string, string>[] } {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-many-'));
  const template = readFileSync(join(projectRoot(), 'bench/tenants/bench.yaml'), 'utf8');
  const env: Record<string, string> = {};
  const tokens: Record<string, string>[] = [];
  for (let n = 1; n <= MANY_TENANTS; n += 1) {
    const id = idOf(n);
    const variable = `BENCH_${id.toUpperCase()}_TOKEN`;
    env[variable] = `bench-${id}-storefront-token-0123456789abcdef`;
    tokens.push({ 'x-storefront-token': env[variable] });
    const text = template
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^name: .*$/m, `name: Bench shop ${n}`)
      .replace(/^plugins: .*$/m, 'plugins: [catalog, inventory]')
      .replace(/tokenEnv: .*$/m, `tokenEnv: ${variable}`);
    writeFileSync(join(dir, `${id}.yaml`), text);
  }
  return { dir, env, tokens };
}

async function seeded(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from products where tenant_id = $1`, [
      idOf(MANY_TENANTS),
    ]);
    return Number(rows[0].n) > 0;
  });
}

/** Creates, migrates and seeds (once) the 50 tenants' database; returns what a gateway and a load need. */
export async function prepareManyTenants(base: string): Promise<ManyTenants> {
  const { dir, env, tokens } = tenantFiles();
  const files = { ...benchSecrets, ...env, TENANTS_DIR: dir };
  const url = await prepareDatabase(
    base,
    DATABASE,
    files,
    ['--bench', '--products', String(PRODUCTS_PER_TENANT)],
    seeded,
  );
  return { env: { ...files, DATABASE_URL: url, LOG_LEVEL: 'info' }, tokens };
}
