import { sql, type SqlBool } from 'kysely';
import { escapeLike, type ColumnChoice, type TenantDb } from '../../src/sdk';
import { runPrepared, selectColumns } from '../../src/sdk/db';
import { productConditions, type ProductSearch } from './product-filters';
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

/**
 * Words starting with `prefix` in the titles of the products the search finds (so only visible
 * products' words are ever proposed), the most frequent first.
 */
export async function titleWordsStartingWith(
  db: TenantDb,
  search: ProductSearch,
  prefix: string,
  limit: number,
): Promise<string[]> {
  const conn = await db.get();
  const rows = await runPrepared(
    conn,
    sql<{ word: string }>`select w.word from products p
      cross join regexp_split_to_table(lower(p.title), '[^[:alnum:]]+') as w(word)
      where ${sql.join(productConditions(db.tenantId, search), sql` and `)}
        and w.word like ${`${escapeLike(prefix)}%`} escape '\\'
      group by w.word order by count(*) desc, w.word limit ${limit}`,
  );
  return rows.map((r) => r.word);
}
