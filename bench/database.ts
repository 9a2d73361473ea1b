/** The bench database `rg_bench` beside DATABASE_URL: created, migrated and seeded once, then reused. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { QueryResultRow } from 'pg';
import { projectRoot } from '../src/sdk';
import { withClient } from '../test/kit/databases';

export const BENCH_TENANT = 'bench';
/** BENCH_DATABASE names another (a bigger seed: BENCH_PRODUCTS products per tenant). */
const BENCH_DB = process.env.BENCH_DATABASE ?? 'rg_bench';
const BENCH_PRODUCTS = process.env.BENCH_PRODUCTS;

/** Fixed development credentials of the bench tenant (bench/tenants/bench.yaml names these variables). */
export const benchSecrets = {
  BENCH_STOREFRONT_TOKEN: 'bench-storefront-token-0123456789abcdef',
  BENCH_JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789abcdef',
};

/** The environment the bench gateways and the baseline run with against the bench database at `url`. */
export function benchEnv(url: string): Record<string, string> {
  return {
    ...benchSecrets,
    DATABASE_URL: url,
    TENANTS_DIR: join(projectRoot(), 'bench/tenants'),
    LOG_LEVEL: 'info',
  };
}

/** The database `name` beside `base`. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

const query = <T extends QueryResultRow>(url: string, text: string): Promise<T[]> =>
  withClient(url, async (client) => (await client.query<T>(text)).rows);

async function seeded(url: string): Promise<boolean> {
  const [table] = await query<{ t: string | null }>(url, `select to_regclass('public.orders')::text as t`);
  if (!table?.t) return false;
  const [row] = await query<{ n: string }>(url, `select count(*) as n from orders where tenant_id = '${BENCH_TENANT}'`);
  return Number(row?.n ?? 0) > 0;
}

/** Runs `gateway <args>` against the database at `url` with `env`. */
function gatewayCommand(url: string, env: Record<string, string>, args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'src/cli/main.ts'), ...args], {
    stdio: 'inherit',
    // Bulk statements of a big seed (100,000 products) outlast a request's statement timeout.
    env: { ...process.env, ...env, DATABASE_URL: url, LOG_LEVEL: 'warn', DATABASE_STATEMENT_TIMEOUT_MS: '600000' },
  });
  if (run.status !== 0) throw new Error(`gateway ${args.join(' ')} failed on ${url}`);
}

/**
 * Creates the database `name` beside `base` if missing and applies every pending migration (a database
 * seeded by an earlier build gets the tables added since); seeds it with `seedArgs` unless `isSeeded`.
 */
export async function prepareDatabase(
  base: string,
  name: string,
  env: Record<string, string>,
  seedArgs: string[],
  isSeeded: (url: string) => Promise<boolean>,
): Promise<string> {
  const url = databaseUrl(base, name);
  const exists = await query(base, `select 1 from pg_database where datname = '${name}'`);
  if (exists.length === 0) await query(base, `create database ${name}`);
  gatewayCommand(url, env, ['migrate', 'up']);
  if (await isSeeded(url)) return url;
  console.log(`seeding ${name} (once; takes a minute or two)`);
  gatewayCommand(url, env, ['seed', ...seedArgs]);
  // The seed writes each search row several times (a product, then its variants and options, each
  // refresh it): clear the dead versions, as autovacuum would soon after a bulk load, before timing.
  await query(url, 'vacuum (analyze)');
  return url;
}

/**
 * The shipping zones, tax rates and code WELCOME10 checkout (i) needs: a bench database seeded before
 * the carts plugin seeded them gets them here (the carts seed alone, which adds nothing twice).
 */
async function ensurePricing(url: string): Promise<void> {
  const [row] = await query<{ n: string }>(
    url,
    `select count(*) as n from shipping_zones where tenant_id = '${BENCH_TENANT}'`,
  );
  if (Number(row?.n ?? 0) > 0) return;
  console.log(`adding the pricing setup to ${BENCH_DB}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'bench/seed-pricing.ts')], {
    stdio: 'inherit',
    env: { ...process.env, ...benchEnv(url), LOG_LEVEL: 'warn' },
  });
  if (run.status !== 0) throw new Error('seeding the pricing setup failed');
}

/** Creates (if missing), migrates and seeds the bench database; returns its URL. */
export async function prepareBenchDatabase(base: string): Promise<string> {
  const url = await prepareDatabase(
    base,
    BENCH_DB,
    benchEnv(databaseUrl(base, BENCH_DB)),
    ['--bench', ...(BENCH_PRODUCTS ? ['--products', BENCH_PRODUCTS] : [])],
    seeded,
  );
  await ensurePricing(url);
  return url;
}
