import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { TenantDb } from '../../src/sdk';
import { runPrepared } from '../../src/sdk/db';
import { emptyGroups, groupConditions } from './filter-groups';
import { SEARCH_ROW } from './filter-rows';
import { scopeConditions, searchRows, type ProductSearch } from './product-filters';

/** Most values one facet lists (tags can be many): the most frequent first. */
export const MAX_FACET_VALUES = 100;

export interface FacetCounts {
  total: number;
  available: { inStock: number; outOfStock: number };
  price: { min: string | null; max: string | null; count: number };
  vendors: [string, number][];
  productTypes: [string, number][];
  tags: [string, number][];
  /** [option name, value, count], by option name then count. */
  options: [string, string, number][];
}

const and = (parts: RawBuilder<SqlBool>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/**
 * The total and every facet's value counts in one statement, whatever the number of facets: the search
 * rows in scope (tenant, visibility, text) are read once with a flag per applied filter group; each facet
 * counts the products passing every group but its own (Shopify's disjunctive counts). The search row
 * carries the product's facet data, so only the rows the words matched are read.
 */
export async function facetCounts(db: TenantDb, search: ProductSearch): Promise<FacetCounts> {
  const tenantId = db.tenantId;
  const groups = groupConditions(tenantId, search.groups ?? emptyGroups(), SEARCH_ROW);
  const flag = (i: number) => sql.ref(`f${i}`);
  const flags = groups.map((g, i) => sql`${g.condition} as ${flag(i)}`);
  // Each element of an array column with the row's flags (a set-returning select: cheaper than a lateral unnest).
  const unnested = (column: string, as: string) =>
    sql`(select unnest(base.${sql.raw(column)}) as ${sql.ref(as)}${sql.join(
      groups.map((_, i) => sql`, ${flag(i)}`),
      sql``,
    )} from base)`;
  const except = (key: string | null) =>
    and(groups.flatMap((g, i) => (g.key === key ? [] : [sql<SqlBool>`${flag(i)}`])));
  // An option value counts under its own option: that option's group is left out for its rows only.
  const optionRows = and(
    groups.flatMap((g, i) =>
      g.key.startsWith('option:')
        ? [sql<SqlBool>`(o.pair::json->>0 = ${g.key.slice('option:'.length)} or ${flag(i)})`]
        : [sql<SqlBool>`${flag(i)}`],
    ),
  );
  const list = (column: RawBuilder<unknown>, from: RawBuilder<unknown>, key: string) => sql`(
    select coalesce(json_agg(json_build_array(x.value, x.n) order by x.n desc, x.value), '[]') from (
      select ${column} as value, count(*) as n from ${from} where ${except(key)} and ${column} <> ''
      group by 1 order by 2 desc, 1 limit ${MAX_FACET_VALUES}) x)`;
  const query = sql<{ facets: FacetCounts }>`
    with base as materialized (
      select s.product_id as id, s.vendor, s.product_type, s.tags, s.min_price, s.max_price, s.in_stock, s.options
        ${flags.length ? sql`, ${sql.join(flags)}` : sql``}
      from ${searchRows(tenantId, search.clauses)} s where ${and(scopeConditions(tenantId, search, 'joined'))}
    )
    select json_build_object(
      'total', (select count(*) from base where ${except(null)}),
      'available', (select json_build_object('inStock', count(*) filter (where in_stock),
        'outOfStock', count(*) filter (where not in_stock)) from base where ${except('available')}),
      'price', (select json_build_object('min', min(min_price)::text, 'max', max(max_price)::text, 'count', count(*))
        from base where ${except('price')}),
      'vendors', ${list(sql`vendor`, sql`base`, 'vendor')},
      'productTypes', ${list(sql`product_type`, sql`base`, 'productType')},
      'tags', ${list(sql`t.tag`, sql`${unnested('tags', 'tag')} as t`, 'tag')},
      'options', (select coalesce(json_agg(json_build_array(x.name, x.value, x.n) order by x.name, x.n desc, x.value), '[]')
        from (select y.pair::json->>0 as name, y.pair::json->>1 as value, y.n from (
          select o.pair, count(*) as n from ${unnested('options', 'pair')} as o
          where ${optionRows} group by 1) y) x)
    ) as facets`;
  const conn = await db.get();
  const [row] = await runPrepared(conn, query);
  return row.facets;
}
