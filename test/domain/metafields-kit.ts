import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedPlugins } from '../../src/engine/seed';
import { fixtureTenantsFor, type Auth, type TestGateway } from '../kit/gateway';

export const METAFIELD_PLUGINS = ['core', 'catalog', 'inventory', 'customers', 'orders', 'metafields'];

export function metafieldSuite() {
  const dir = fixtureTenantsFor(METAFIELD_PLUGINS.filter((p) => p !== 'core'));
  for (const file of readdirSync(dir)) {
    appendFileSync(
      join(dir, file),
      '\nlimits:\n  maxCost: 100000\n  rateBucketSize: 1000000\n  rateRestorePerSecond: 100000\n',
    );
  }
  return { plugins: METAFIELD_PLUGINS, tenantsDir: dir };
}

export const seedDemo = (t: TestGateway) => seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');

export interface UserErrorOut {
  field: string[] | null;
  code: string;
  message: string;
}

export const SET = `mutation($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value ownerType }
    userErrors { field code message }
  }
}`;

export const DEFINE = `mutation($definition: MetafieldDefinitionInput!) {
  metafieldDefinitionCreate(definition: $definition) {
    createdDefinition { id namespace key type ownerType validations { name value } access { storefront } }
    userErrors { field code message }
  }
}`;

export interface SetResult {
  metafieldsSet: {
    metafields: { id: string; namespace: string; key: string; type: string; value: string; ownerType: string }[] | null;
    userErrors: UserErrorOut[];
  };
}

/** POSTs and fails on GraphQL errors; returns data. */
export async function ok<T>(t: TestGateway, query: string, variables: Record<string, unknown>, auth: Auth) {
  const res = await t.graphql<T>(query, variables, auth);
  if (res.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
  return res.body.data as T;
}
