import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ColumnChoice, Page, TenantDb } from '../../src/sdk';
import { keysetCursor, runPrepared } from '../../src/sdk/db';
import {
  pageRows,
  rankedListing,
  rankedPage,
  type ListedProduct,
  type ProductListing,
  type ProductPage,
} from './product-list';
import { facetStatement, type FacetCounts } from './search-facets';
import type { CatalogTables } from './tables';

/** A ranked page's plan: rankedListing's sort and keyset plan. */
type RankedPlan = NonNullable<ReturnType<typeof rankedListing>>;

/**
 * A page ranked by relevance cut from `base` (a CTE of `ctes`, the matches with their rank) and one
 * more value computed from the same CTEs beside it, in one statement: the matches are read once.
 */
export async function rankedPageBeside<T>(
  db: TenantDb,
  ranked: RankedPlan,
  page: Page,
  columns: ColumnChoice,
  statement: { ctes: RawBuilder<unknown>; beside: RawBuilder<T>; where: RawBuilder<SqlBool>[] },
): Promise<{ rows: ListedProduct[]; beside: T }> {
  const conditions = [...statement.where, ...(ranked.plan.after ? [ranked.plan.after] : [])];
  const where = conditions.length ? conditions : [sql<SqlBool>`true`];
  const conn = await db.get<CatalogTables>();
  // Embedded in the statement below: built without plugins, it is not counted on its own.
  const rows = rankedPage(
    conn.withoutPlugins(),
    db.tenantId,
    { rows: sql`base`, ...ranked, where },
    page,
    columns,
    true,
  );
  // One row per product of the page (none: one row of nulls); the value beside on the first row only.
  const found = await runPrepared(
    conn,
    sql<ListedProduct & { page_row: number | null; beside: T | null }>`
    with ${statement.ctes}, answer as (select ${statement.beside} as beside)
    select listed.*, case when coalesce(listed.page_row, 1) = 1 then answer.beside end as beside
    from answer left join lateral (${rows}) listed on true
    order by listed.page_row`,
  );
  const listed = found
    .filter((row) => row.page_row != null)
    .map(({ page_row: _row, beside: _beside, ...product }) => product as ListedProduct);
  return { rows: pageRows(listed, page, columns), beside: found[0].beside! };
}

/**
 * A search's page ranked by relevance and its total and facets, in one statement: the matches are read
 * once (`base`, search-facets.ts), counted for the facets, and the page is cut from the same rows. Null
 * when the listing is not ranked by relevance (its page reads products in another order: two statements).
 */
export async function searchPageAndFacets(
  db: TenantDb,
  listing: ProductListing,
  page: Page,
  columns: ColumnChoice,
): Promise<(ProductPage & { facets: FacetCounts }) | null> {
  const ranked = rankedListing(listing, page);
  if (!ranked) return null;
  const { ctes, facets, listed } = facetStatement(db.tenantId, listing.search, true);
  const { rows, beside } = await rankedPageBeside(db, ranked, page, columns, { ctes, beside: facets, where: [listed] });
  return { rows, cursorOf: (row) => keysetCursor(ranked.sort, row), facets: beside };
}
