import DataLoader from 'dataloader';
import { sql } from 'kysely';
import type { LoaderContext } from '../../src/sdk';
import { groupBy, rowsById, rowsByParent, selectColumns } from '../../src/sdk/db';
import type { LineItemRow, OrderRow, OrderTables } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    orderById: DataLoader<string, OrderRow | null>;
    lineItemsByOrder: DataLoader<string, LineItemRow[]>;
    /** Newest orders of a customer; key `${customerId}:${limit}`. */
    recentOrdersByCustomer: DataLoader<string, OrderRow[]>;
  }
}

/** One statement per batch (`= any($1)`), filtered by tenant as well as by RLS. */
export function createOrderLoaders(ctx: LoaderContext) {
  const { db, columns, guardBatch } = ctx;
  return {
    orderById: rowsById<OrderRow>(ctx, 'orders', 'Order'),
    lineItemsByOrder: rowsByParent<LineItemRow>(ctx, 'order_line_items', 'LineItem', 'order_id', ['order_id', 'id']),
    recentOrdersByCustomer: new DataLoader<string, OrderRow[]>(
      guardBatch(async (keys) => {
        // Keys in one batch share a limit in practice (one field, one argument); group in case not.
        const byLimit = groupBy([...keys], (key) => key.split(':')[1]);
        const conn = await db.get<OrderTables>();
        const choice = columns('Order').with(['customer_id']);
        const found = new Map<string, OrderRow[]>();
        for (const [limit, group] of byLimit) {
          const customerIds = group.map((key) => key.split(':')[0]);
          const ranked = selectColumns(conn.selectFrom('orders'), choice)
            .select(sql<string>`row_number() over (partition by customer_id order by id desc)`.as('rank'))
            .where('tenant_id', '=', db.tenantId)
            .where('customer_id', '=', (eb) => eb.fn.any(eb.val(customerIds)))
            .as('ranked');
          const rows = await conn
            .selectFrom(ranked)
            .selectAll()
            .where('rank', '<=', limit)
            .orderBy('customer_id')
            .orderBy('id', 'desc')
            .execute();
          for (const [customerId, list] of groupBy(rows, (row) => String(row.customer_id))) {
            found.set(`${customerId}:${limit}`, choice.guard(list));
          }
        }
        return keys.map((key) => found.get(key) ?? []);
      }),
    ),
  };
}
