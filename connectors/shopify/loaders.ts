import DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import { SOURCE, type ShopifyDb } from './tables';

export type SourcedTable = 'products' | 'product_variants' | 'orders' | 'customers';

declare module '../../src/sdk' {
  interface Loaders {
    /** Shopify gid of a row, keyed `<table>:<id>` (null when the row did not come from Shopify). */
    shopifyExternalId: DataLoader<string, string | null>;
  }
}

/** One statement per table per batch; only used when a parent row was loaded without the column. */
export function createShopifyLoaders({ db }: LoaderContext) {
  return {
    shopifyExternalId: new DataLoader<string, string | null>(async (keys) => {
      const conn = await db.get<ShopifyDb>();
      const found = new Map<string, string | null>();
      const byTable = new Map<SourcedTable, string[]>();
      for (const key of keys) {
        const [table, id] = key.split(':') as [SourcedTable, string];
        byTable.set(table, [...(byTable.get(table) ?? []), id]);
      }
      for (const [table, ids] of byTable) {
        const rows = await conn
          .selectFrom(table)
          .select(['id', 'external_id'])
          .where('tenant_id', '=', db.tenantId)
          .where('source', '=', SOURCE)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) found.set(`${table}:${r.id}`, r.external_id);
      }
      return keys.map((k) => found.get(k) ?? null);
    }),
  };
}
