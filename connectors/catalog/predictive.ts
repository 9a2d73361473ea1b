import { sql, type SqlBool } from 'kysely';
import { escapeLike, type ColumnChoice, type Page, type TenantDb } from '../../src/sdk';
import { runPrepared, selectColumns } from '../../src/sdk/db';
import { productConditions, searchRows, type ProductSearch } from './product-filters';
import { listProducts, rankedListing, type ListedProduct } from './product-list';
import { rankedPageBeside } from './search-page';
import type { CatalogTables, CollectionRow } from './tables';

/** Collections whose title has a word starting with each of the words typed (published ones for the storefront). */
export async function collectionsStartingWith(
  db: TenantDb,
  storefront: boolean,
  words: readonly string[],
  limit: number,
  columns: ColumnChoice,
): Promise<CollectionRow[]> {
  const conn = await db.get<CatalogTables>();
  let query = selectColumns(conn.selectFrom('collections as c'), columns, 'c')
    .where('c.tenant_id', '=', db.tenantId)
    .orderBy('c.title')
    .orderBy('c.id')
    .limit(limit);
  if (storefront) query = query.where(sql<SqlBool>`c.published_at <= now()`);
  for (const word of words) {
    const start = `${escapeLike(word)}%`;
    query = query.where(
      sql<SqlBool>`(c.title ilike ${start} escape '\\' or c.title ilike ${`% ${start}`} escape '\\')`,
    );
  }
  return columns.guard(await runPrepared(conn, query));
}

/** How many of the most relevant products' titles a completion reads: a keystroke's cost stays bounded. */
export const COMPLETION_SOURCES = 500;

/** `base`: the `sources` most relevant products the search finds, with their rank. */
const bestMatches = (tenantId: string, search: ProductSearch, sources: number) => sql`base as materialized (
    select s.product_id, s.rank from ${searchRows(tenantId, search.clauses, true)} s
    where ${sql.join(productConditions(tenantId, search, 'joined'), sql` and `)}
    order by s.rank desc, s.product_id desc limit ${sources})`;

/** Words starting with `prefix` in the titles of the products in `base`, the most frequent first. */
const titleWordsOfBase = (tenantId: string, prefix: string, limit: number) => sql<string[]>`(
    select coalesce(json_agg(x.word order by x.n desc, x.word), '[]') from (
      select w.word, count(*) as n from base b
      join products p on p.tenant_id = ${tenantId} and p.id = b.product_id
      cross join regexp_split_to_table(lower(p.title), '[^[:alnum:]]+') as w(word)
      where w.word like ${`${escapeLike(prefix)}%`} escape '\\'
      group by w.word order by n desc, w.word limit ${limit}) x)`;

/**
 * Words starting with `prefix` in the titles of the most relevant products the search finds (only
 * visible products' words are ever proposed), the most frequent first. Only the best `sources` matches
 * are read: a prefix of three letters can match a tenth of a large catalog, and splitting every title
 * found on each keystroke cost 77 ms at 100,000 products; the most relevant products' words are the
 * completions a shopper is after.
 */
export async function titleWordsStartingWith(
  db: TenantDb,
  search: ProductSearch,
  prefix: string,
  limit: number,
  sources = COMPLETION_SOURCES,
): Promise<string[]> {
  if (!search.clauses?.length) return [];
  const conn = await db.get();
  const [row] = await runPrepared(
    conn,
    sql<{ words: string[] }>`with ${bestMatches(db.tenantId, search, sources)}
      select ${titleWordsOfBase(db.tenantId, prefix, limit)} as words`,
  );
  return row.words;
}

/**
 * The products predicted for a query (its best `page.size` by relevance) and the completions of its last
 * word (`prefix`), in one statement: both come from the same best matches, read once.
 */
export async function productsAndCompletions(
  db: TenantDb,
  search: ProductSearch,
  prefix: string,
  page: Page,
  columns: ColumnChoice,
): Promise<{ rows: ListedProduct[]; words: string[] }> {
  const listing = { search, sortKey: 'RELEVANCE' as const, reverse: false };
  const ranked = search.clauses?.length ? rankedListing(listing, page) : null;
  if (!ranked) {
    const products = await listProducts(db, listing, page, columns);
    return { rows: products.rows, words: await titleWordsStartingWith(db, search, prefix, page.size) };
  }
  const { rows, beside } = await rankedPageBeside(db, ranked, page, columns, {
    ctes: bestMatches(db.tenantId, search, COMPLETION_SOURCES),
    beside: titleWordsOfBase(db.tenantId, prefix, page.size),
    where: [],
  });
  return { rows, words: beside };
}
