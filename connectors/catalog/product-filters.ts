import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { escapeLike } from '../../src/sdk';
import { groupConditions, type FilterGroups } from './filter-groups';
import { productRow, SEARCH_ROW, type FilterRow } from './filter-rows';
import type { Clause } from './search-query';
import { clausesTsquery } from './search-tsquery';
import type { ProductSearchTable, ProductStatus } from './tables';

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

/** A search row as a statement reads it: its document left behind, its rank where one was asked for. */
export type SearchRow = Omit<ProductSearchTable, 'document'> & { rank: number | null };

/**
 * The search rows `s` a statement reads: with full-text clauses, the tenant's rows whose document matches
 * them, found through the GIN index (catalog_search_matches, 0007_search_matches.ts: under row-level
 * security a plain `@@` could not use the index); without, the tenant's search rows. `ranked`: each
 * matched row carries its rank for the clauses but the excluded ones (`s.rank`, see product-sorts.ts).
 */
export function searchRows(
  tenantId: string,
  clauses?: readonly Clause[] | null,
  ranked = false,
): RawBuilder<SearchRow> {
  const query = clauses?.length ? clausesTsquery(tenantId, clauses) : null;
  if (!query || !clauses) return sql`product_search`;
  const rankBy = ranked
    ? (clausesTsquery(
        tenantId,
        clauses.filter((c) => !c.excluded),
      ) ?? sql`''::tsquery`)
    : null;
  return sql`catalog_search_matches(${query}, ${rankBy ?? sql`null`})`;
}

/** Products whose search document matches the clauses. */
function fullTextCondition(tenantId: string, clauses: readonly Clause[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.id in (select s.product_id from ${searchRows(tenantId, clauses)} s where s.tenant_id = ${tenantId})`;
}

/**
 * How a search reaches the search document: `joined` when the statement reads the search rows as `s`
 * (`searchRows`, matched already; to rank by them from the same row): then every condition reads that
 * row, and a search reads only the rows its words matched. Otherwise through a subquery, over `products as p`.
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
  if (search.clauses?.length && document === 'subquery') where.push(fullTextCondition(tenantId, search.clauses));
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
