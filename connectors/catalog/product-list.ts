import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ColumnChoice, CursorValue, Page, TenantDb } from '../../src/sdk';
import { keysetCursor, keysetPlan, runPrepared, selectColumns, type KeysetSort } from '../../src/sdk/db';
import { productConditions, searchRows, type ProductSearch, type SearchRow } from './product-filters';
import { productSort, ranksBySearchRow, type ProductSortKey } from './product-sorts';
import type { CatalogTables, ProductRow } from './tables';

export interface ProductListing {
  search: ProductSearch;
  sortKey: ProductSortKey;
  reverse: boolean;
}

export type ListedProduct = ProductRow & { sort_value: CursorValue };

export interface ProductPage {
  rows: ListedProduct[];
  cursorOf: (row: ListedProduct) => string;
}

const and = (where: RawBuilder<SqlBool>[]) => sql<SqlBool>`${sql.join(where, sql` and `)}`;

/**
 * The keyset query of one page (page.size + 1 rows) selecting the `columns` of products, with extra
 * conditions. `numbered` adds each row's place in the page (the window shares the query's sort, so the
 * index still stops at the limit).
 */
async function pageQuery(
  db: TenantDb,
  listing: ProductListing,
  page: Page,
  columns: ColumnChoice,
  extra: RawBuilder<SqlBool>[] = [],
  numbered = false,
) {
  const { clauses } = listing.search;
  const fullText = Boolean(clauses?.length);
  const sort = productSort(listing.sortKey, listing.reverse, listing.search.text, clauses);
  const plan = keysetPlan(sort, page);
  // A full-text page joins each product's search document: matched and ranked from the same row.
  const where = [...productConditions(db.tenantId, listing.search, fullText ? 'joined' : 'subquery'), ...extra];
  if (plan.after) where.push(plan.after);
  const conn = await db.get<CatalogTables>();
  const finish = (rows: ListedProduct[]) => pageRows(rows, page, columns);
  const cursorOf = (row: ListedProduct) => keysetCursor(sort, row);
  if (ranksBySearchRow(sort) && !numbered && extra.length === 0) {
    const query = rankedPage(
      conn,
      db.tenantId,
      { rows: searchRows(db.tenantId, clauses, true), sort, plan, where },
      page,
      columns,
    );
    return { conn, query, finish, cursorOf };
  }
  // A numbered page is embedded in a larger statement: built without plugins, it is not counted on its own.
  const products = (numbered ? conn.withoutPlugins() : conn).selectFrom('products as p');
  const from = fullText
    ? products.innerJoin(searchRows(db.tenantId, clauses, ranksBySearchRow(sort)).as('s'), (join) =>
        join.onRef('s.product_id', '=', 'p.id').onRef('s.tenant_id', '=', 'p.tenant_id'),
      )
    : products;
  let query = selectColumns(from, columns, 'p')
    .select(plan.sortValue.as('sort_value'))
    .where(and(where))
    .orderBy(plan.order)
    .limit(page.size + 1);
  if (numbered) query = query.select(sql<number>`row_number() over (order by ${plan.order})`.as('page_row'));
  return { conn, query, finish, cursorOf };
}

/**
 * A page ranked by the search document: the matched search rows are filtered (every condition reads
 * them), ranked and cut to the page on their own; then only the page's products are read, not every
 * match's. `numbered` adds each row's place in the page, as `page_row` (for a larger statement).
 */
export function rankedPage(
  conn: Kysely<CatalogTables>,
  tenantId: string,
  ranked: {
    rows: RawBuilder<SearchRow>;
    sort: KeysetSort;
    plan: ReturnType<typeof keysetPlan>;
    where: RawBuilder<SqlBool>[];
  },
  page: Page,
  columns: ColumnChoice,
  numbered = false,
) {
  const { rows, sort, plan, where } = ranked;
  // Embedded in the statement below: built without plugins, it is not counted on its own.
  const matches = conn
    .withoutPlugins()
    .selectFrom(rows.as('s'))
    .select([
      sql<string>`s.product_id`.as('product_id'),
      plan.sortValue.as('sort_value'),
      sql`${sort.expression}`.as('sort_key'),
    ])
    .where(and(where))
    .orderBy(plan.order)
    .limit(page.size + 1);
  // The same order over the page's rows: by the rank each kept, then the product id.
  const again = keysetPlan({ ...sort, expression: sql.ref('m.sort_key'), id: sql.ref('p.id') }, page, null);
  const joined = conn
    .selectFrom(matches.as('m'))
    .innerJoin('products as p', (join) => join.onRef('p.id', '=', 'm.product_id').on('p.tenant_id', '=', tenantId));
  const query = selectColumns(joined, columns, 'p').select('m.sort_value').orderBy(again.order);
  return numbered ? query.select(sql<number>`row_number() over (order by ${again.order})`.as('page_row')) : query;
}

/** The sort and keyset plan of a listing ranked by the search document, or null when it is not. */
export function rankedListing(listing: ProductListing, page: Page) {
  const sort = productSort(listing.sortKey, listing.reverse, listing.search.text, listing.search.clauses);
  return ranksBySearchRow(sort) ? { sort, plan: keysetPlan(sort, page) } : null;
}

/** Rows of a page in page order (paging backwards reads them reversed), checked against the columns. */
export const pageRows = (rows: ListedProduct[], page: Page, columns: ColumnChoice) =>
  columns.guard(page.backward ? rows.reverse() : rows);

/** One keyset page of products (page.size + 1 rows, in page order) and each row's cursor. */
export async function listProducts(
  db: TenantDb,
  listing: ProductListing,
  page: Page,
  columns: ColumnChoice,
): Promise<ProductPage> {
  const { conn, query, finish, cursorOf } = await pageQuery(db, listing, page, columns);
  return { rows: finish(await runPrepared(conn, query)), cursorOf };
}

/**
 * The same page of products in each of many collections, in one statement (a lateral join per
 * collection), so a list of collections with their products costs one statement per level.
 */
export async function listProductsInCollections(
  db: TenantDb,
  listing: ProductListing,
  page: Page,
  collectionIds: readonly string[],
  columns: ColumnChoice,
): Promise<{ pages: Map<string, ListedProduct[]>; cursorOf: (row: ListedProduct) => string }> {
  const member = sql<SqlBool>`exists (select 1 from collection_products cp where cp.tenant_id = ${db.tenantId}
    and cp.collection_id = batch.collection_id and cp.product_id = p.id)`;
  const { conn, query, finish, cursorOf } = await pageQuery(db, listing, page, columns, [member], true);
  const rows = await runPrepared(
    conn,
    sql<ListedProduct & { batch_collection_id: string; page_row: number }>`
    select batch.collection_id::text as batch_collection_id, listed.*
    from unnest(${[...collectionIds]}::bigint[]) with ordinality as batch(collection_id, n)
    cross join lateral (${query}) listed
    order by batch.n, listed.page_row`,
  );
  const pages = new Map<string, ListedProduct[]>(collectionIds.map((id) => [id, []]));
  for (const { batch_collection_id: id, page_row: _n, ...row } of rows) pages.get(id)?.push(row);
  for (const [id, list] of pages) pages.set(id, finish(list));
  return { pages, cursorOf };
}

/** How many products match the search, across all pages. */
export async function countProducts(db: TenantDb, search: ProductSearch): Promise<number> {
  const conn = await db.get<CatalogTables>();
  const query = conn
    .selectFrom('products as p')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where(and(productConditions(db.tenantId, search)));
  const [row] = await runPrepared(conn, query);
  return Number(row.count);
}

/** How many products match the search in each of many collections, in one statement. */
export async function countProductsInCollections(
  db: TenantDb,
  search: ProductSearch,
  collectionIds: readonly string[],
): Promise<Map<string, number>> {
  const conn = await db.get<CatalogTables>();
  const query = conn
    .selectFrom('products as p')
    .innerJoin('collection_products as cp', (join) =>
      join.onRef('cp.product_id', '=', 'p.id').on('cp.tenant_id', '=', db.tenantId),
    )
    .select(['cp.collection_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where(and(productConditions(db.tenantId, search)))
    .where('cp.collection_id', '=', (eb) => eb.fn.any(eb.val([...collectionIds])))
    .groupBy('cp.collection_id');
  const rows = await runPrepared(conn, query);
  const counts = new Map(rows.map((r) => [r.collection_id, Number(r.count)]));
  return new Map(collectionIds.map((id) => [id, counts.get(id) ?? 0]));
}
