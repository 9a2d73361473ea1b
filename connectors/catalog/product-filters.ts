import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { escapeLike } from '../../src/sdk';
import { groupConditions, type FilterGroups } from './filter-groups';
import { productRow, SEARCH_ROW, type FilterRow } from './filter-rows';
import type { Clause } from './search-query';
import { clausesTsquery } from './search-tsquery';
import type { ProductStatus } from './tables';

/** A product search after input validation: local ids, checked decimals. */
export interface ProductSearch {
  /** Storefront callers see ACTIVE, published products only. */
  storefront: boolean;
  text: string | null;
  collectionId?: string | null;
  productType?: string | null;
  vendor?: string | null;
  tag?: string | null;
  minPrice?: string | null;
  maxPrice?: string | null;
  availableForSale?: boolean | null;
  status?: ProductStatus | null;
  /** Full-text clauses (`search`, `predictiveSearch`): products whose search document matches them all. */
  clauses?: readonly Clause[] | null;
  /** The list form of filters (`filters:` / `productFilters:`), grouped by facet. */
  groups?: FilterGroups | null;
}

/** Visible to the storefront: ACTIVE and published (the same rule as the row check in visibility.ts). */
export const storefrontVisible = (row: FilterRow) =>
  sql<SqlBool>`${row.status} = 'ACTIVE' and ${row.publishedAt} <= now()`;

/** The search document `s` (product_search) matches the clauses (the GIN index on (tenant_id, document)). */
function documentMatches(tenantId: string, clauses: readonly Clause[]): RawBuilder<SqlBool> | null {
  const query = clausesTsquery(tenantId, clauses);
  return query ? sql<SqlBool>`s.document @@ ${query}` : null;
}

/** Products whose search document matches the clauses. */
function fullTextCondition(tenantId: string, clauses: readonly Clause[]): RawBuilder<SqlBool> | null {
  const matches = documentMatches(tenantId, clauses);
  if (!matches) return null;
  return sql<SqlBool>`p.id in (select s.product_id from product_search s where s.tenant_id = ${tenantId} and ${matches})`;
}

/**
 * How a search reaches the search document: `joined` when the statement reads each product's
 * `product_search as s` (to rank by it from the same row): then every condition reads that row, and a
 * search reads only the rows its words matched. Otherwise through a subquery, over `products as p`.
 */
export type DocumentAccess = 'subquery' | 'joined';

const rowOf = (tenantId: string, document: DocumentAccess) =>
  document === 'joined' ? SEARCH_ROW : productRow(tenantId);

/** The conditions of a search but its filter groups, always including the tenant. */
export function scopeConditions(
  tenantId: string,
  search: ProductSearch,
  document: DocumentAccess = 'subquery',
): RawBuilder<SqlBool>[] {
  const row = rowOf(tenantId, document);
  const where: RawBuilder<SqlBool>[] = [sql<SqlBool>`${row.tenantId} = ${tenantId}`];
  if (search.storefront) where.push(storefrontVisible(row));
  if (search.status) where.push(sql<SqlBool>`${row.status} = ${search.status}`);
  if (search.text) {
    const pattern = `%${escapeLike(search.text)}%`;
    where.push(
      row.product(sql<SqlBool>`(p.title ilike ${pattern} escape '\\' or p.description ilike ${pattern} escape '\\'
      or p.vendor ilike ${pattern} escape '\\'
      or exists (select 1 from unnest(p.tags) tag where tag ilike ${pattern} escape '\\'))`),
    );
  }
  if (search.collectionId) {
    where.push(sql<SqlBool>`exists (select 1 from collection_products cp where cp.tenant_id = ${tenantId}
      and cp.collection_id = ${search.collectionId} and cp.product_id = ${row.productId})`);
  }
  if (search.productType != null) where.push(sql<SqlBool>`${row.productType} = ${search.productType}`);
  if (search.vendor != null) where.push(sql<SqlBool>`${row.vendor} = ${search.vendor}`);
  if (search.tag != null) where.push(sql<SqlBool>`${row.tags} @> array[${search.tag}]::text[]`);
  if (search.minPrice != null || search.maxPrice != null) {
    where.push(row.priceIn([{ min: search.minPrice ?? null, max: search.maxPrice ?? null }]));
  }
  if (search.availableForSale != null) {
    where.push(search.availableForSale ? row.available : sql<SqlBool>`not ${row.available}`);
  }
  const matches = search.clauses?.length ? search.clauses : null;
  const fullText = matches
    ? document === 'joined'
      ? documentMatches(tenantId, matches)
      : fullTextCondition(tenantId, matches)
    : null;
  if (fullText) where.push(fullText);
  return where;
}

/** The conditions of a search, always including the tenant. */
export function productConditions(
  tenantId: string,
  search: ProductSearch,
  document: DocumentAccess = 'subquery',
): RawBuilder<SqlBool>[] {
  const row = rowOf(tenantId, document);
  const groups = search.groups ? groupConditions(tenantId, search.groups, row).map((g) => g.condition) : [];
  return [...scopeConditions(tenantId, search, document), ...groups];
}
