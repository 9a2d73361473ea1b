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
  /** Option name -> accepted values. */
  options: Map<string, string[]>;
}

export const emptyGroups = (): FilterGroups => ({
  vendors: [],
  productTypes: [],
  tags: [],
  available: [],
  prices: [],
  options: new Map(),
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
  for (const [name, values] of groups.options) {
    out.push({
      key: `option:${name}`,
      condition: sql<SqlBool>`exists (select 1 from product_options o where o.tenant_id = ${tenantId}
        and o.product_id = p.id and o.name = ${name} and o.values && ${values}::text[])`,
    });
  }
  return out;
}
