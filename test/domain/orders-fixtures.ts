import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { seedPlugins } from '../../src/engine/seed';
import { encodeGlobalId } from '../../src/sdk';
import { fixtureTenantsFor, type TestGateway } from '../kit/gateway';

/** Rows written straight into a tenant's tables (RLS applies), for domain tests of carts and orders. */
export const PLUGINS = ['core', 'catalog', 'inventory', 'customers', 'orders', 'carts'];

/**
 * The fixture tenants with the retail plugins and limits high enough for a suite's hundreds of
 * requests (rate limits and query cost have their own tests).
 */
export function retailTenants(): string {
  const dir = fixtureTenantsFor(['catalog', 'inventory', 'customers', 'orders', 'carts']);
  for (const file of readdirSync(dir)) {
    appendFileSync(
      join(dir, file),
      '\nlimits:\n  maxCost: 100000\n  rateBucketSize: 1000000\n  rateRestorePerSecond: 100000\n',
    );
  }
  return dir;
}

export const SUITE = { plugins: PLUGINS, tenantsDir: retailTenants() };

/** The carts plugin's demo setup (shipping zones, tax rates, discount codes) for every tenant. */
export function seedCartsDemo(t: TestGateway): Promise<unknown> {
  return seedPlugins(
    t.gateway.runtime,
    t.gateway.composition.plugins.filter((p) => p.name === 'carts'),
    'demo',
  );
}

export interface VariantFixture {
  productId: string;
  variantId: string;
  productGid: string;
  variantGid: string;
  locationIds: string[];
}

let sequence = 0;

/** One location per entry of `stock` (omit stock for an untracked variant). */
export async function createVariant(
  t: TestGateway,
  tenant: string,
  options: { price: string; stock?: number[]; status?: string; title?: string },
): Promise<VariantFixture> {
  const n = ++sequence;
  return t.gateway.runtime.withTenant(tenant, async (db) => {
    const product = await sql<{ id: string }>`
      insert into products (tenant_id, handle, title, status, published_at)
      values (${tenant}, ${`fixture-${n}`}, ${options.title ?? `Fixture ${n}`}, ${options.status ?? 'ACTIVE'}, now() - interval '1 minute') returning id`.execute(
      db,
    );
    const productId = product.rows[0].id;
    const variant = await sql<{ id: string }>`
      insert into product_variants (tenant_id, product_id, title, sku, price)
      values (${tenant}, ${productId}, 'Default', ${`SKU-${n}`}, ${options.price}) returning id`.execute(db);
    const variantId = variant.rows[0].id;
    const locationIds: string[] = [];
    for (const [i, available] of (options.stock ?? []).entries()) {
      const location = await sql<{ id: string }>`
        insert into locations (tenant_id, name) values (${tenant}, ${`Store ${n}.${i}`}) returning id`.execute(db);
      locationIds.push(location.rows[0].id);
      await sql`insert into inventory_levels (tenant_id, variant_id, location_id, available)
        values (${tenant}, ${variantId}, ${location.rows[0].id}, ${available})`.execute(db);
    }
    return {
      productId,
      variantId,
      productGid: encodeGlobalId('Product', productId),
      variantGid: encodeGlobalId('ProductVariant', variantId),
      locationIds,
    };
  });
}

/** A query run in the tenant's scope (RLS applies), for checking what was written. */
export async function rows<T>(t: TestGateway, tenant: string, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return t.gateway.runtime.withTenant(tenant, async (db) => (await query.execute(db)).rows);
}

export async function stockOf(t: TestGateway, tenant: string, variant: VariantFixture): Promise<number[]> {
  const levels = await rows<{ available: number }>(
    t,
    tenant,
    sql`select available from inventory_levels where variant_id = ${variant.variantId} order by location_id`,
  );
  return levels.map((l) => l.available);
}

export const CART_FIELDS = `id status totalQuantity note
  cost { subtotalAmount { amount currencyCode } totalAmount { amount currencyCode } }
  buyerIdentity { email phone countryCode }
  lines { nodes { id quantity merchandise { id } cost { amountPerQuantity { amount } subtotalAmount { amount } } } }`;

export interface CartData {
  id: string;
  status: string;
  totalQuantity: number;
  note: string | null;
  cost: { subtotalAmount: { amount: string; currencyCode: string }; totalAmount: { amount: string } };
  buyerIdentity: { email: string | null; phone: string | null; countryCode: string | null };
  lines: {
    nodes: {
      id: string;
      quantity: number;
      merchandise: { id: string };
      cost: { amountPerQuantity: { amount: string }; subtotalAmount: { amount: string } };
    }[];
  };
}

export interface UserErrorData {
  field: string[];
  code: string;
  message: string;
}

export type CartPayload = { cart: CartData | null; userErrors: UserErrorData[] };

/** Creates a cart with the given lines through the API and returns it (fails the test on errors). */
export async function cartWith(
  t: TestGateway,
  tenant: string,
  lines: { merchandiseId: string; quantity: number }[],
  email?: string,
): Promise<CartData> {
  const res = await t.graphql<{ cartCreate: CartPayload }>(
    `mutation($input: CartInput) { cartCreate(input: $input) { cart { ${CART_FIELDS} } userErrors { field code message } } }`,
    { input: { lines, buyerIdentity: email ? { email } : undefined } },
    t.storefront(tenant),
  );
  const payload = res.body.data?.cartCreate;
  if (!payload?.cart) throw new Error(`cartCreate failed: ${JSON.stringify(res.body)}`);
  return payload.cart;
}

export const CHECKOUT = `mutation($cartId: ID!, $key: String!, $email: String) {
  checkoutComplete(cartId: $cartId, idempotencyKey: $key, email: $email) {
    order { id name email totalPrice { amount currencyCode } lineItems { nodes { title quantity originalUnitPrice { amount } } } customer { id } }
    userErrors { field code message }
  }
}`;

export interface CheckoutData {
  checkoutComplete: {
    order: {
      id: string;
      name: string;
      email: string | null;
      totalPrice: { amount: string; currencyCode: string };
      lineItems: { nodes: { title: string; quantity: number; originalUnitPrice: { amount: string } }[] };
      customer: { id: string } | null;
    } | null;
    userErrors: UserErrorData[];
  };
}

export async function checkout(t: TestGateway, tenant: string, cartId: string, key: string, email?: string) {
  return t.graphql<CheckoutData>(CHECKOUT, { cartId, key, email }, t.storefront(tenant));
}
