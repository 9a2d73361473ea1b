import DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import type { CustomerRow, CustomerTables } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    customerById: DataLoader<string, CustomerRow | null>;
  }
}

/** One statement per batch (`= any($1)`), filtered by tenant as well as by RLS. */
export function createCustomerLoaders({ db }: LoaderContext) {
  return {
    customerById: new DataLoader<string, CustomerRow | null>(async (ids) => {
      const conn = await db.get<CustomerTables>();
      const rows = await conn
        .selectFrom('customers')
        .selectAll()
        .where('tenant_id', '=', db.tenantId)
        .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
        .execute();
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
