import DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import { groupBy } from '../../src/sdk/db';
import { SOURCE, type ShopifyDb } from './tables';

export type SourcedTable = 'products' | 'product_variants' | 'collections' | 'orders' | 'customers';

declare module '../../src/sdk' {
  interface Loaders {
    /** Shopify gid of a row, keyed `<table>:<id>` (null when the row did not come from Shopify). */
    shopifyExternalId: DataLoader<string, string | null>;
  }
}

/** One statement per table per batch; only used when a parent row was loaded without the column. */
export function createShopifyLoaders({ db, guardBatch }: LoaderContext) {
  return {
    shopifyExternalId: new DataLoader<string, string | null>(
      guardBatch(async (keys) => {
        const conn = await db.get<ShopifyDb>();
        const found = new Map<string, string | null>();
        const byTable = groupBy(keys, (key) => key.split(':')[0]);
        for (const [table, tableKeys] of byTable) {
          const rows = await conn
            .selectFrom(table as SourcedTable)
            .select(['id', 'external_id'])
            .where('tenant_id', '=', db.tenantId)
            .where('source', '=', SOURCE)
            .where(
              'id',
              'in',
              tableKeys.map((key) => key.split(':')[1]),
            )
            .execute();
          for (const r of rows) found.set(`${table}:${r.id}`, r.external_id);
        }
        return keys.map((k) => found.get(k) ?? null);
      }),
    ),
  };
}
