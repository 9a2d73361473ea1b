import { sql, type SqlBool } from 'kysely';
import { escapeLike, type ColumnChoice, type CursorValue, type Page, type TenantDb } from '../../src/sdk';
import { keysetCursor, keysetPlan, type KeysetSort, selectColumns } from '../../src/sdk/db';
import type { CatalogTables, CollectionRow } from './tables';

export type CollectionSortKey = 'TITLE' | 'UPDATED_AT' | 'ID';

export interface CollectionListing {
  storefront: boolean;
  text: string | null;
  sortKey: CollectionSortKey;
  reverse: boolean;
}

export type ListedCollection = CollectionRow & { sort_value: CursorValue };

function collectionSort(key: CollectionSortKey, reverse: boolean): KeysetSort {
  const name = `collection:${key}${reverse ? ':reverse' : ''}`;
  const id = sql.ref('c.id');
  if (key === 'TITLE') return { name, expression: sql.ref('c.title'), id, kind: 'text', descending: reverse };
  if (key === 'UPDATED_AT') {
    return { name, expression: sql.ref('c.updated_at'), id, kind: 'timestamp', descending: reverse };
  }
  return { name, expression: null, id, kind: 'id', descending: reverse };
}

/** One keyset page of collections (the given `columns`); the storefront sees published ones only. */
export async function listCollections(db: TenantDb, listing: CollectionListing, page: Page, columns: ColumnChoice) {
  const sort = collectionSort(listing.sortKey, listing.reverse);
  const plan = keysetPlan(sort, page);
  const conn = await db.get<CatalogTables>();
  let query = selectColumns(conn.selectFrom('collections as c'), columns, 'c')
    .select(plan.sortValue.as('sort_value'))
    .where('c.tenant_id', '=', db.tenantId)
    .limit(page.size + 1);
  if (listing.storefront) query = query.where(sql<SqlBool>`c.published_at <= now()`);
  if (listing.text) query = query.where(sql<SqlBool>`c.title ilike ${`%${escapeLike(listing.text)}%`} escape '\\'`);
  if (plan.after) query = query.where(plan.after);
  const rows = (await query.orderBy(plan.order).execute()) as ListedCollection[];
  if (page.backward) rows.reverse();
  return { rows: columns.guard(rows), cursorOf: (row: ListedCollection) => keysetCursor(sort, row) };
}

export async function countCollections(db: TenantDb, storefront: boolean, text: string | null): Promise<number> {
  const conn = await db.get<CatalogTables>();
  let query = conn
    .selectFrom('collections as c')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('c.tenant_id', '=', db.tenantId);
  if (storefront) query = query.where(sql<SqlBool>`c.published_at <= now()`);
  if (text) query = query.where(sql<SqlBool>`c.title ilike ${`%${escapeLike(text)}%`} escape '\\'`);
  return Number((await query.executeTakeFirstOrThrow()).count);
}
