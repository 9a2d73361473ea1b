import { sql, type SqlBool } from 'kysely';
import { escapeLike, type ColumnChoice, type TenantDb } from '../../src/sdk';
import { runPrepared, selectColumns } from '../../src/sdk/db';
import { productConditions, searchRows, type ProductSearch } from './product-filters';
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
  const rows = await runPrepared(
    conn,
    sql<{ word: string }>`select w.word from (
        select s.product_id from ${searchRows(db.tenantId, search.clauses, true)} s
        where ${sql.join(productConditions(db.tenantId, search, 'joined'), sql` and `)}
        order by s.rank desc, s.product_id desc limit ${sources}) best
      join products p on p.tenant_id = ${db.tenantId} and p.id = best.product_id
      cross join regexp_split_to_table(lower(p.title), '[^[:alnum:]]+') as w(word)
      where w.word like ${`${escapeLike(prefix)}%`} escape '\\'
      group by w.word order by count(*) desc, w.word limit ${limit}`,
  );
  return rows.map((r) => r.word);
}
