import { sql } from 'kysely';
import type { CursorValue, Page, TenantDb } from '../../src/sdk';
import { keysetCursor, keysetPlan } from './keyset';
import { productConditions, type ProductSearch } from './product-filters';
import { productSort, type ProductSortKey } from './product-sorts';
import type { CatalogTables, ProductRow } from './tables';

export interface ProductListing {
  search: ProductSearch;
  sortKey: ProductSortKey;
  reverse: boolean;
}

export type ListedProduct = ProductRow & { sort_value: CursorValue };

/** One keyset page of products (page.size + 1 rows, in page order) and each row's cursor. */
export async function listProducts(
  db: TenantDb,
  listing: ProductListing,
  page: Page,
): Promise<{ rows: ListedProduct[]; cursorOf: (row: ListedProduct) => string }> {
  const sort = productSort(listing.sortKey, listing.reverse, listing.search.text);
  const plan = keysetPlan(sort, page);
  const where = productConditions(db.tenantId, listing.search);
  if (plan.after) where.push(plan.after);
  const conn = await db.get<CatalogTables>();
  let query = conn
    .selectFrom('products as p')
    .selectAll('p')
    .select(plan.sortValue.as('sort_value'))
    .where(sql.join(where, sql` and `) as never)
    .limit(page.size + 1);
  if (sort.expression) query = query.orderBy(sort.expression as never, plan.direction);
  const rows = (await query.orderBy('p.id', plan.direction).execute()) as ListedProduct[];
  if (page.backward) rows.reverse();
  return { rows, cursorOf: (row) => keysetCursor(sort, row) };
}

/** How many products match the search, across all pages. */
export async function countProducts(db: TenantDb, search: ProductSearch): Promise<number> {
  const conn = await db.get<CatalogTables>();
  const row = await conn
    .selectFrom('products as p')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where(sql.join(productConditions(db.tenantId, search), sql` and `) as never)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
