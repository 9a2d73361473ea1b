import type { TenantDb, Page } from '../../src/sdk';
import { decodeCursor } from '../../src/sdk';
import type { CatalogTables, ProductRow } from './tables';

/** A page of active products in id order (keyset), fetching one extra row to detect the next page. */
export async function listProducts(db: TenantDb, page: Page): Promise<ProductRow[]> {
  const conn = await db.get<CatalogTables>();
  let query = conn
    .selectFrom('products')
    .selectAll()
    .where('tenant_id', '=', db.tenantId)
    .where('status', '=', 'ACTIVE')
    .limit(page.size + 1);
  if (page.cursor) {
    const [id] = decodeCursor(page.cursor, 1);
    if (typeof id !== 'string' || !/^\d{1,18}$/.test(id)) return [];
    query = query.where('id', page.backward ? '<' : '>', id);
  }
  const rows = await query.orderBy('id', page.backward ? 'desc' : 'asc').execute();
  return page.backward ? rows.reverse() : rows;
}

export async function productByHandle(db: TenantDb, handle: string): Promise<ProductRow | null> {
  const conn = await db.get<CatalogTables>();
  const row = await conn
    .selectFrom('products')
    .selectAll()
    .where('tenant_id', '=', db.tenantId)
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row ?? null;
}
