import type { ColumnChoice, TenantDb } from '../../src/sdk';
import { choiceKey, runShaped, selectColumns } from '../../src/sdk/db';
import type { CatalogTables, CollectionRow, ProductRow } from './tables';

async function byHandle<R extends object>(
  db: TenantDb,
  table: 'products' | 'collections',
  handle: string,
  columns: ColumnChoice,
): Promise<R | null> {
  const conn = await db.get<CatalogTables>();
  const key = `byHandle ${table} ${choiceKey(columns)}`;
  const [row] = await runShaped(conn, key, [db.tenantId, handle], (shape: typeof conn, [tenant, value]) =>
    selectColumns(shape.selectFrom(table as 'products'), columns)
      .where('tenant_id', '=', tenant as string)
      .where('handle', '=', value as string),
  );
  return row ? columns.guard([row as unknown as R])[0] : null;
}

/** A product by its handle, with the given columns (any status: the caller applies visibility). */
export const productByHandle = (db: TenantDb, handle: string, columns: ColumnChoice) =>
  byHandle<ProductRow>(db, 'products', handle, columns);

/** A collection by its handle, with the given columns (published or not: the caller applies visibility). */
export const collectionByHandle = (db: TenantDb, handle: string, columns: ColumnChoice) =>
  byHandle<CollectionRow>(db, 'collections', handle, columns);
