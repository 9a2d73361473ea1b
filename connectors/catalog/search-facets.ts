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

const and = (parts: RawBuilder<SqlBool>[]) =>
  parts.length ? sql<SqlBool>`${sql.join(parts, sql` and `)}` : sql<SqlBool>`true`;

/** The parts of a statement that counts facets: its CTEs (`base`, the rows in scope) and the answer. */
export interface FacetStatement {
  ctes: RawBuilder<unknown>;
  facets: RawBuilder<FacetCounts>;
  /** Over a `base` row: it passes every filter group (a listed product). */
  listed: RawBuilder<SqlBool>;
}

/**
 * The total and every facet's value counts, whatever the number of facets: the search rows in scope
 * (tenant, visibility, text) are read once into `base`, with a flag per applied filter group; each facet
 * counts the products passing every group but its own (Shopify's disjunctive counts). The search row
 * carries the product's facet data, so only the rows the words matched are read, and its values as
 * numbers (`facet_ids`, 0008_search_facet_ids.ts): numbers are counted, per set of flags, and only the
 * counted ones are named. `ranked`: `base` keeps each match's product id and rank, for a page to be cut
 * from it in the same statement (search-page.ts).
 */
export function facetStatement(tenantId: string, search: ProductSearch, ranked = false): FacetStatement {
  const groups = groupConditions(tenantId, search.groups ?? emptyGroups(), SEARCH_ROW);
  const flag = (i: number) => sql.ref(`f${i}`);
  const flags = groups.map((g, i) => sql`, ${g.condition} as ${flag(i)}`);
  const flagList = sql.join(
    groups.map((_, i) => sql`, ${flag(i)}`),
    sql``,
  );
  const except = (key: string | null) =>
    and(groups.flatMap((g, i) => (g.key === key ? [] : [sql<SqlBool>`${flag(i)}`])));
  // An option value counts under its own option: that option's group is left out for its rows only.
  const optionRows = and(
    groups.flatMap((g, i) =>
      g.key.startsWith('option:')
        ? [sql<SqlBool>`(c.value::json->>0 = ${g.key.slice('option:'.length)} or ${flag(i)})`]
        : [sql<SqlBool>`${flag(i)}`],
    ),
  );
  const list = (facet: string, key: string) => sql`(
    select coalesce(json_agg(json_build_array(x.value, x.n) order by x.n desc, x.value), '[]') from (
      select c.value, sum(c.n)::int as n from counted c where c.facet = ${facet} and ${except(key)}
      group by 1 order by 2 desc, 1 limit ${MAX_FACET_VALUES}) x)`;
  const rows = searchRows(tenantId, search.clauses, ranked);
  const ctes = sql`base as materialized (
      select s.min_price, s.max_price, s.in_stock, s.facet_ids${ranked ? sql`, s.product_id, s.rank` : sql``}
        ${sql.join(flags, sql``)}
      from ${rows} s where ${and(scopeConditions(tenantId, search, 'joined'))}
    ), numbered as (
      select k.id${flagList}, count(*) as n
      from (select unnest(base.facet_ids) as id${flagList} from base) k group by k.id${flagList}
    ), counted as materialized (
      select v.facet, v.value, k.*
      from numbered k join search_facet_values v on v.tenant_id = ${tenantId} and v.id = k.id
    )`;
  const facets = sql<FacetCounts>`json_build_object(
      'total', (select count(*) from base where ${except(null)}),
      'available', (select json_build_object('inStock', count(*) filter (where in_stock),
        'outOfStock', count(*) filter (where not in_stock)) from base where ${except('available')}),
      'price', (select json_build_object('min', min(min_price)::text, 'max', max(max_price)::text, 'count', count(*))
        from base where ${except('price')}),
      'vendors', ${list('vendor', 'vendor')},
      'productTypes', ${list('productType', 'productType')},
      'tags', ${list('tag', 'tag')},
      'options', (select coalesce(json_agg(json_build_array(x.name, x.value, x.n) order by x.name, x.n desc, x.value), '[]')
        from (select c.value::json->>0 as name, c.value::json->>1 as value, sum(c.n)::int as n from counted c
          where c.facet = 'option' and ${optionRows} group by c.value) x)
    )`;
  return { ctes, facets, listed: except(null) };
}

/** The total and every facet's value counts in one statement (facetStatement). */
export async function facetCounts(db: TenantDb, search: ProductSearch): Promise<FacetCounts> {
  const { ctes, facets } = facetStatement(db.tenantId, search);
  const conn = await db.get();
  const [row] = await runPrepared(conn, sql<{ facets: FacetCounts }>`with ${ctes} select ${facets} as facets`);
  return row.facets;
}
