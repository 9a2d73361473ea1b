import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Shopify's list of filters (`filters: [ProductFilter!]`), grouped: values of one group are alternatives
 * (vendor A or vendor B), groups all apply. Facet counts leave one group out at a time (disjunctive).
 */
export interface FilterGroups {
  vendors: string[];
  productTypes: string[];
  tags: string[];
  /** true, false, or both (which is no condition). */
  available: boolean[];
  prices: { min: string | null; max: string | null }[];
  /** Collections the product must be in one of (a scope, not a facet: always applied). */
  collections: string[];
  /** Statuses (admin only in effect: the storefront sees ACTIVE products whatever this says). */
  statuses: string[];
  /** Option name -> accepted values (a plain object: loader keys are compared as JSON). */
  options: Record<string, string[]>;
}

export const emptyGroups = (): FilterGroups => ({
  vendors: [],
  productTypes: [],
  tags: [],
  available: [],
  prices: [],
  collections: [],
  statuses: [],
  // No prototype: an option named __proto__ is a key like any other.
  options: Object.create(null) as Record<string, string[]>,
});

export interface GroupCondition {
  /** `vendor`, `productType`, `tag`, `available`, `price` or `option:<name>` (a facet's id). */
  key: string;
  condition: RawBuilder<SqlBool>;
}

/** A variant that can be bought: stock left, or stock not tracked. */
export const VARIANT_AVAILABLE = sql`(v.inventory_quantity is null or v.inventory_quantity > 0)`;

function variantExists(tenantId: string, condition: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from product_variants v
    where v.tenant_id = ${tenantId} and v.product_id = p.id and ${condition})`;
}

function priceRange(range: { min: string | null; max: string | null }) {
  const min = range.min != null ? sql`v.price >= ${range.min}::numeric` : sql`true`;
  const max = range.max != null ? sql`v.price <= ${range.max}::numeric` : sql`true`;
  return sql`(${min} and ${max})`;
}

/** One condition per non-empty group, over `products as p`. */
export function groupConditions(tenantId: string, groups: FilterGroups): GroupCondition[] {
  const out: GroupCondition[] = [];
  if (groups.vendors.length) out.push({ key: 'vendor', condition: sql`p.vendor = any(${groups.vendors}::text[])` });
  if (groups.productTypes.length) {
    out.push({ key: 'productType', condition: sql`p.product_type = any(${groups.productTypes}::text[])` });
  }
  if (groups.tags.length) out.push({ key: 'tag', condition: sql`p.tags && ${groups.tags}::text[]` });
  const available = new Set(groups.available);
  if (available.size === 1) {
    const exists = variantExists(tenantId, VARIANT_AVAILABLE);
    out.push({ key: 'available', condition: available.has(true) ? exists : sql<SqlBool>`not ${exists}` });
  }
  if (groups.prices.length) {
    const ranges = sql.join(groups.prices.map(priceRange), sql` or `);
    out.push({ key: 'price', condition: variantExists(tenantId, sql`(${ranges})`) });
  }
  if (groups.collections.length) {
    out.push({
      key: 'collection',
      condition: sql<SqlBool>`exists (select 1 from collection_products cp where cp.tenant_id = ${tenantId}
        and cp.collection_id = any(${groups.collections}::bigint[]) and cp.product_id = p.id)`,
    });
  }
  if (groups.statuses.length) out.push({ key: 'status', condition: sql`p.status = any(${groups.statuses}::text[])` });
  for (const [name, values] of Object.entries(groups.options)) {
    out.push({
      key: `option:${name}`,
      condition: sql<SqlBool>`exists (select 1 from product_options o where o.tenant_id = ${tenantId}
        and o.product_id = p.id and o.name = ${name} and o.values && ${values}::text[])`,
    });
  }
  return out;
}
