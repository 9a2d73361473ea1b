import type { TenantDb } from '../../src/sdk';
import type { CatalogTables, CollectionRow, ProductRow } from './tables';

async function byHandle<R>(db: TenantDb, table: 'products' | 'collections', handle: string): Promise<R | null> {
  const conn = await db.get<CatalogTables>();
  const row = await conn
    .selectFrom(table as 'products')
    .selectAll()
    .where('tenant_id', '=', db.tenantId)
    .where('handle', '=', handle)
    .executeTakeFirst();
  return (row as R | undefined) ?? null;
}

/** A product by its handle (any status: the caller applies visibility). */
export const productByHandle = (db: TenantDb, handle: string) => byHandle<ProductRow>(db, 'products', handle);

/** A collection by its handle (published or not: the caller applies visibility). */
export const collectionByHandle = (db: TenantDb, handle: string) => byHandle<CollectionRow>(db, 'collections', handle);
