/** What a load generator sends: one scenario against one server, as URL, headers and body. */
import { SignJWT } from 'jose';
import { encodeGlobalId } from '../src/sdk';
import { withClient } from '../test/kit/databases';
import { BENCH_TENANT, benchSecrets } from './database';
import type { BenchIds, Scenario } from './scenarios';

export interface Target {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Credentials {
  storefront: Record<string, string>;
  admin: Record<string, string>;
}

/** A storefront token and an admin JWT holding the scopes the four pages need. */
export async function benchCredentials(): Promise<Credentials> {
  const token = await new SignJWT({
    tenant: BENCH_TENANT,
    roles: ['admin'],
    scopes: ['read_products', 'read_inventory', 'write_inventory', 'read_orders', 'read_customers'],
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('bench')
    .setIssuer('retail-gateway')
    .setAudience('retail-gateway-admin')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(benchSecrets.BENCH_JWT_SECRET));
  return {
    storefront: { 'x-storefront-token': benchSecrets.BENCH_STOREFRONT_TOKEN },
    admin: { authorization: `Bearer ${token}` },
  };
}

/** The first variant and location of the bench tenant: the write scenario adjusts that stock. */
export async function benchIds(databaseUrl: string): Promise<BenchIds> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ variant_id: string; location_id: string }>(
      `select variant_id, location_id from inventory_levels where tenant_id = $1 order by variant_id, location_id limit 1`,
      [BENCH_TENANT],
    ),
  );
  return {
    variantId: encodeGlobalId('ProductVariant', rows[0].variant_id),
    locationId: encodeGlobalId('Location', rows[0].location_id),
  };
}

const json = { 'content-type': 'application/json' };

export function gatewayTarget(port: number, scenario: Scenario, credentials: Credentials): Target {
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    headers: { ...json, ...credentials[scenario.caller] },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  };
}

export function baselineTarget(port: number, scenario: Scenario): Target {
  return {
    url: `http://127.0.0.1:${port}/${scenario.name}`,
    headers: json,
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  };
}
