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
  const where: RawBuilder<SqlBool>[] = [listed, ...(ranked.plan.after ? [ranked.plan.after] : [])];
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
  // One row per product of the page (none: one row of nulls); the facets on the first row only.
  const found = await runPrepared(
    conn,
    sql<ListedProduct & { page_row: number | null; facets: FacetCounts | null }>`
    with ${ctes}, answer as (select ${facets} as facets)
    select listed.*, case when coalesce(listed.page_row, 1) = 1 then answer.facets end as facets
    from answer left join lateral (${rows}) listed on true
    order by listed.page_row`,
  );
  const counts = found[0].facets!;
  const listedRows = found
    .filter((row) => row.page_row != null)
    .map(({ page_row: _row, facets: _facets, ...product }) => product as ListedProduct);
  return {
    rows: pageRows(listedRows, page, columns),
    cursorOf: (row) => keysetCursor(ranked.sort, row),
    facets: counts,
  };
}
