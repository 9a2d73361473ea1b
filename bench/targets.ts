/** What a load generator sends: one scenario against one server, as URL, headers and body. */
import { SignJWT } from 'jose';
import { encodeGlobalId } from '../src/sdk';
import { withClient } from '../test/kit/databases';
import { BENCH_TENANT, benchSecrets } from './database';
import { CHECKOUT_STEPS, stepPayload, type CheckoutState } from './checkout-steps';
import type { BenchIds, Scenario } from './scenarios';

/** One request of a sequence: its path, its body from what earlier answers left in `state`. */
export interface SequenceStep {
  path: string;
  body(state: CheckoutState): string;
  /** Reads the answer into `state`; false when it is not a success. */
  read(text: string, state: CheckoutState): boolean;
}

export interface Target {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** A unit of several requests (the checkout): sent in order on each connection. */
  sequence?: SequenceStep[];
  /** Each request of a unit may carry other headers (the listing over many tenants: one token each). */
  rotateHeaders?: Record<string, string>[];
}

/** HTTP requests one unit of `target` makes. */
export const requestsPerUnit = (target: Target): number => target.sequence?.length ?? 1;

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

/** Products whose first variant checkout (i) buys: 187.00, 34.00 and 71.00 in the bench seed. */
const CHECKOUT_HANDLES = ['bench-product-1001', 'bench-product-1002', 'bench-product-1003'];
/** Stock of each checkout variant at every location, set before each run: no run runs out. */
const CHECKOUT_STOCK = 100_000_000;

/**
 * The first variant and location of the bench tenant (the write scenario adjusts that stock) and the
 * variants a checkout buys, whose stock this tops up.
 */
export async function benchIds(databaseUrl: string): Promise<BenchIds> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ variant_id: string; location_id: string }>(
      `select variant_id, location_id from inventory_levels where tenant_id = $1 order by variant_id, location_id limit 1`,
      [BENCH_TENANT],
    );
    const bought = await client.query<{ id: string }>(
      `select distinct on (p.handle) v.id from products p
         join product_variants v on v.tenant_id = p.tenant_id and v.product_id = p.id
        where p.tenant_id = $1 and p.handle = any($2) order by p.handle, v.position, v.id`,
      [BENCH_TENANT, CHECKOUT_HANDLES],
    );
    const variantIds = bought.rows.map((r) => r.id);
    await client.query(
      `update inventory_levels set available = $3 where tenant_id = $1 and variant_id = any($2::bigint[])`,
      [BENCH_TENANT, variantIds, CHECKOUT_STOCK],
    );
    return {
      variantId: encodeGlobalId('ProductVariant', rows[0].variant_id),
      locationId: encodeGlobalId('Location', rows[0].location_id),
      checkoutVariantIds: variantIds.map((id) => encodeGlobalId('ProductVariant', id)),
    };
  });
}

/** The checkout's five requests against `path(i)` (1-based). */
export function checkoutSequence(variantIds: readonly string[], path: (step: number) => string): SequenceStep[] {
  return CHECKOUT_STEPS.map((step, i) => ({
    path: path(i + 1),
    body: (state) => JSON.stringify({ query: step.query, variables: step.variables(variantIds, state) }),
    read: (text, state) => {
      const payload = stepPayload(step, text);
      if (i === 0 && payload?.cart?.id) state.cartId = payload.cart.id;
      return payload !== null;
    },
  }));
}

const json = { 'content-type': 'application/json' };

export function gatewayTarget(port: number, scenario: Scenario, credentials: Credentials, ids?: BenchIds): Target {
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    headers: { ...json, ...credentials[scenario.caller] },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    ...(scenario.name === 'checkout' && ids
      ? { sequence: checkoutSequence(ids.checkoutVariantIds, () => '/graphql') }
      : {}),
  };
}

/** The baseline gets the same body and credentials (it checks the storefront token where the page is `{ __typename }`). */
export function baselineTarget(port: number, scenario: Scenario, credentials: Credentials, ids?: BenchIds): Target {
  return {
    url: `http://127.0.0.1:${port}/${scenario.name}`,
    headers: { ...json, ...credentials[scenario.caller] },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    ...(scenario.name === 'checkout' && ids
      ? { sequence: checkoutSequence(ids.checkoutVariantIds, (step) => `/checkout/${step}`) }
      : {}),
  };
}
