import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedPlugins } from '../../src/engine/seed';
import { fixtureTenantsFor, type Auth, type TestGateway } from '../kit/gateway';

/** The plugins the catalog and inventory suites compose. */
export const CATALOG_PLUGINS = ['core', 'catalog', 'inventory'];

/**
 * The fixture tenants with room for the suites' deep pages and many requests: limits are tested
 * elsewhere; here they would only throttle a suite that pages through a whole catalog.
 */
export function roomyTenants(plugins: readonly string[] = CATALOG_PLUGINS): string {
  const dir = fixtureTenantsFor(plugins);
  for (const file of readdirSync(dir)) {
    appendFileSync(
      join(dir, file),
      '\nlimits:\n  maxCost: 20000\n  rateBucketSize: 1000000\n  rateRestorePerSecond: 100000\n',
    );
  }
  return dir;
}

/** Options of describeEachDatabase for the catalog and inventory suites. */
export const catalogSuite = () => ({ plugins: CATALOG_PLUGINS, tenantsDir: roomyTenants() });

export async function seedDemo(t: TestGateway): Promise<void> {
  await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
}

/** POSTs a query and fails the test on any GraphQL error; returns data. */
// Tests read deep response shapes; typing each one would add noise, not safety.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ok<T = any>(
  t: TestGateway,
  query: string,
  variables: Record<string, unknown>,
  auth: Auth,
): Promise<T> {
  const res = await t.graphql<T>(query, variables, auth);
  if (res.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
  return res.body.data as T;
}

/** The error codes of a response (empty when it succeeded). */
export async function errorCodes(
  t: TestGateway,
  query: string,
  variables: Record<string, unknown>,
  auth: Auth,
): Promise<unknown[]> {
  const res = await t.graphql(query, variables, auth);
  return (res.body.errors ?? []).map((e) => e.extensions?.code);
}
