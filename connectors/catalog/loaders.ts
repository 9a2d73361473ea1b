import DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import type { CatalogTables, ProductRow, VariantRow } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    productById: DataLoader<string, ProductRow | null>;
    variantsByProduct: DataLoader<string, VariantRow[]>;
    variantById: DataLoader<string, VariantRow | null>;
  }
}

function byKey<T, K extends keyof T>(rows: readonly T[], key: K): Map<string, T> {
  return new Map(rows.map((row) => [String(row[key]), row]));
}

function groupByKey<T, K extends keyof T>(rows: readonly T[], key: K): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = String(row[key]);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** One statement per batch (`= any($1)`), always filtered by tenant as well as by RLS. */
export function createCatalogLoaders({ db }: LoaderContext) {
  return {
    productById: new DataLoader<string, ProductRow | null>(async (ids) => {
      const conn = await db.get<CatalogTables>();
      const rows = await conn
        .selectFrom('products')
        .selectAll()
        .where('tenant_id', '=', db.tenantId)
        .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
        .execute();
      const found = byKey(rows, 'id');
      return ids.map((id) => found.get(id) ?? null);
    }),
    variantsByProduct: new DataLoader<string, VariantRow[]>(async (productIds) => {
      const conn = await db.get<CatalogTables>();
      const rows = await conn
        .selectFrom('product_variants')
        .selectAll()
        .where('tenant_id', '=', db.tenantId)
        .where('product_id', '=', (eb) => eb.fn.any(eb.val([...productIds])))
        .orderBy('product_id')
        .orderBy('position')
        .execute();
      const groups = groupByKey(rows, 'product_id');
      return productIds.map((id) => groups.get(id) ?? []);
    }),
    variantById: new DataLoader<string, VariantRow | null>(async (ids) => {
      const conn = await db.get<CatalogTables>();
      const rows = await conn
        .selectFrom('product_variants')
        .selectAll()
        .where('tenant_id', '=', db.tenantId)
        .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
        .execute();
      const found = byKey(rows, 'id');
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
