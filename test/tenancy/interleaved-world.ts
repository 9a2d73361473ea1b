import { seedPlugins } from '../../src/engine/seed';
import { encodeGlobalId, localIdOf } from '../../src/sdk';
import { freshStock } from '../domain/inventory-kit';
import type { Auth } from '../kit/gateway';
import { TENANTS, type InterleavedGateway, type TenantId } from './interleaved-gateway';

/** What each tenant may see, known before the schedule runs. */
export interface TenantWorld {
  storefront: Auth;
  admin: Auth;
  /** A staff member who may read customers and orders only. */
  staff: Auth;
  productIds: string[];
  /** Handles of three seeded products: every tenant has a product of each (the demo data is alike). */
  handles: string[];
  /** The tenant's own variant and location that the schedule's stock writes adjust. */
  stock: { productId: string; variantId: string; locationId: string };
  /** The stock item's product description before the schedule's writes. */
  initialDescription: string | null;
}

export interface World {
  tenants: Record<TenantId, TenantWorld>;
  /** Every global ID of a row, with the tenant that owns it. */
  owners: Map<string, TenantId>;
}

/** `[alpha] `: the marker every tenant's product titles, customer names and order emails start with. */
export const marker = (tenant: TenantId) => `[${tenant}]`;

const OWNED_ROWS: [string, string][] = [
  ['Product', 'products'],
  ['ProductVariant', 'product_variants'],
  ['Customer', 'customers'],
  ['Order', 'orders'],
  ['Location', 'locations'],
];

/**
 * Demo data for every tenant, each product title and customer name marked with its tenant, and a stock
 * item of each tenant for the writes.
 */
export async function buildWorld(g: InterleavedGateway): Promise<World> {
  const { t } = g;
  await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
  const tenants = {} as Record<TenantId, TenantWorld>;
  for (const tenant of TENANTS) {
    const admin = await t.admin(tenant);
    const staff = await t.admin(tenant, { role: 'staff', scopes: ['read_customers', 'read_orders'] });
    const stock = await freshStock(t, admin, `${tenant} stock`);
    const [product] = await g.superuser<{ description: string | null }>(
      `select description from products where id = $1`,
      [localIdOf(stock.productId, 'Product')],
    );
    const initialDescription = product.description;
    tenants[tenant] = {
      storefront: g.storefront(tenant),
      admin,
      staff,
      productIds: [],
      handles: [],
      stock,
      initialDescription,
    };
  }
  await g.superuser(`update products set title = '[' || tenant_id || '] ' || title`);
  await g.superuser(`update customers set first_name = '[' || tenant_id || '] ' || coalesce(first_name, '')`);
  await g.superuser(`update orders set email = '[' || tenant_id || '] ' || email`);
  const owners = new Map<string, TenantId>();
  for (const [type, table] of OWNED_ROWS) {
    const rows = await g.superuser<{ id: string; tenant_id: TenantId }>(`select id, tenant_id from ${table}`);
    for (const row of rows) owners.set(encodeGlobalId(type, row.id), row.tenant_id);
  }
  for (const tenant of TENANTS) {
    const products = await g.superuser<{ id: string; handle: string }>(
      `select id, handle from products where tenant_id = $1 and status = 'ACTIVE' order by id limit 3`,
      [tenant],
    );
    tenants[tenant].productIds = products.map((p) => encodeGlobalId('Product', p.id));
    tenants[tenant].handles = products.map((p) => p.handle);
  }
  return { tenants, owners };
}

/**
 * What in `body` belongs to another tenant than `tenant`: another tenant's global IDs and marked text.
 * Empty when the answer holds only the tenant's own data.
 */
export function foreignValues(body: unknown, tenant: TenantId, owners: Map<string, TenantId>): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      const owner = owners.get(value);
      if (owner && owner !== tenant) found.push(`${value} (${owner}'s)`);
      const marked = /\[(\w+)\]/.exec(value);
      if (marked && marked[1] !== tenant) found.push(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(body);
  return found;
}
