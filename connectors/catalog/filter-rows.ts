import { sql, type RawBuilder, type SqlBool } from 'kysely';

export interface PriceRange {
  min: string | null;
  max: string | null;
}

/**
 * Where a filter reads a product's data: its `products as p` row with its variants and options, or its
 * search row `product_search as s`, which carries copies of them (0006_search_facets.ts), so a search
 * reads nothing but the rows its words matched. Both answer every condition alike.
 */
export interface FilterRow {
  tenantId: RawBuilder<unknown>;
  productId: RawBuilder<unknown>;
  status: RawBuilder<unknown>;
  publishedAt: RawBuilder<unknown>;
  vendor: RawBuilder<unknown>;
  productType: RawBuilder<unknown>;
  tags: RawBuilder<unknown>;
  /** Some variant can be bought: stock left, or stock not tracked. */
  available: RawBuilder<SqlBool>;
  /** Some variant's price is within one of the ranges. */
  priceIn(ranges: readonly PriceRange[]): RawBuilder<SqlBool>;
  /** The product's option `name` has one of `values`. */
  option(name: string, values: readonly string[]): RawBuilder<SqlBool>;
  /** A condition over the product's own row, `products as p` (its title and description). */
  product(condition: RawBuilder<SqlBool>): RawBuilder<SqlBool>;
}

/** A variant that can be bought: stock left, or stock not tracked. */
export const VARIANT_AVAILABLE = sql`(v.inventory_quantity is null or v.inventory_quantity > 0)`;

function inRanges(price: RawBuilder<unknown>, ranges: readonly PriceRange[]): RawBuilder<SqlBool> {
  const each = ranges.map((range) => {
    const min = range.min != null ? sql`${price} >= ${range.min}::numeric` : sql`true`;
    const max = range.max != null ? sql`${price} <= ${range.max}::numeric` : sql`true`;
    return sql`(${min} and ${max})`;
  });
  return sql<SqlBool>`(${sql.join(each, sql` or `)})`;
}

/** A product row `p`: stock, prices and options are read from its variants and options. */
export function productRow(tenantId: string): FilterRow {
  const variantExists = (condition: RawBuilder<unknown>) =>
    sql<SqlBool>`exists (select 1 from product_variants v
      where v.tenant_id = ${tenantId} and v.product_id = p.id and ${condition})`;
  return {
    tenantId: sql.ref('p.tenant_id'),
    productId: sql.ref('p.id'),
    status: sql.ref('p.status'),
    publishedAt: sql.ref('p.published_at'),
    vendor: sql.ref('p.vendor'),
    productType: sql.ref('p.product_type'),
    tags: sql.ref('p.tags'),
    available: variantExists(VARIANT_AVAILABLE),
    priceIn: (ranges) => variantExists(inRanges(sql.ref('v.price'), ranges)),
    option: (name, values) => sql<SqlBool>`exists (select 1 from product_options o where o.tenant_id = ${tenantId}
      and o.product_id = p.id and o.name = ${name} and o.values && ${[...values]}::text[])`,
    product: (condition) => condition,
  };
}

/** An option value as the search row keeps it: the JSON pair `["Name", "Value"]`. */
export const optionPair = (name: RawBuilder<unknown>, value: RawBuilder<unknown>) =>
  sql<string>`json_build_array(${name}::text, ${value}::text)::text`;

/** A search row `s`: every condition reads that row alone (but `product`, which reads the product's). */
export const SEARCH_ROW: FilterRow = {
  tenantId: sql.ref('s.tenant_id'),
  productId: sql.ref('s.product_id'),
  status: sql.ref('s.status'),
  publishedAt: sql.ref('s.published_at'),
  vendor: sql.ref('s.vendor'),
  productType: sql.ref('s.product_type'),
  tags: sql.ref('s.tags'),
  available: sql<SqlBool>`s.in_stock`,
  priceIn: (ranges) =>
    sql<SqlBool>`exists (select 1 from unnest(s.prices) as x(price) where ${inRanges(sql.ref('x.price'), ranges)})`,
  option: (name, values) => sql<SqlBool>`s.options && array(select ${optionPair(sql`${name}`, sql.ref('x.value'))}
    from unnest(${[...values]}::text[]) as x(value))`,
  product: (condition) => sql<SqlBool>`exists (select 1 from products p
    where p.tenant_id = s.tenant_id and p.id = s.product_id and ${condition})`,
};
