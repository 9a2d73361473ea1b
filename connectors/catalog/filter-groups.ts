import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { productRow, type FilterRow, type PriceRange } from './filter-rows';

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
  prices: PriceRange[];
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

/** One condition per non-empty group, over the product row (`p`, by default) or the search row (`s`). */
export function groupConditions(
  tenantId: string,
  groups: FilterGroups,
  row: FilterRow = productRow(tenantId),
): GroupCondition[] {
  const out: GroupCondition[] = [];
  if (groups.vendors.length)
    out.push({ key: 'vendor', condition: sql`${row.vendor} = any(${groups.vendors}::text[])` });
  if (groups.productTypes.length) {
    out.push({ key: 'productType', condition: sql`${row.productType} = any(${groups.productTypes}::text[])` });
  }
  if (groups.tags.length) out.push({ key: 'tag', condition: sql`${row.tags} && ${groups.tags}::text[]` });
  const available = new Set(groups.available);
  if (available.size === 1) {
    out.push({ key: 'available', condition: available.has(true) ? row.available : sql<SqlBool>`not ${row.available}` });
  }
  if (groups.prices.length) out.push({ key: 'price', condition: row.priceIn(groups.prices) });
  if (groups.collections.length) {
    out.push({
      key: 'collection',
      condition: sql<SqlBool>`exists (select 1 from collection_products cp where cp.tenant_id = ${tenantId}
        and cp.collection_id = any(${groups.collections}::bigint[]) and cp.product_id = ${row.productId})`,
    });
  }
  if (groups.statuses.length) {
    out.push({ key: 'status', condition: sql`${row.status} = any(${groups.statuses}::text[])` });
  }
  for (const [name, values] of Object.entries(groups.options)) {
    out.push({ key: `option:${name}`, condition: row.option(name, values) });
  }
  return out;
}
