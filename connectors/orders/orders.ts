import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { RECORD_SORTS, type TableList } from '../../src/sdk/db';
import type { FinancialStatus, FulfillmentStatus, OrderStatus, OrderTables } from './tables';

export type OrderSortKey = 'ID' | 'CREATED_AT' | 'UPDATED_AT' | 'TOTAL_PRICE';

export interface OrderFilter {
  status?: OrderStatus | null;
  financialStatus?: FinancialStatus | null;
  fulfillmentStatus?: FulfillmentStatus | null;
  createdAtMin?: Date | null;
  createdAtMax?: Date | null;
  /** Local customer id; null when the filter named an unknown id (matches nothing). */
  customerId?: string | null;
}

type OrderQuery<O> = SelectQueryBuilder<OrderTables, 'orders', O>;

/** The values a filtered order query compares with: the tenant and the filter's own. */
type OrderConditions = OrderFilter & { tenantId: string };

// Conditions may stand in statement slots (keysetPage): only their presence is checked here.
function filtered<O>(query: OrderQuery<O>, filter: OrderConditions): OrderQuery<O> {
  let q = query.where('tenant_id', '=', filter.tenantId);
  if (filter.status != null) q = q.where('status', '=', filter.status);
  if (filter.financialStatus != null) q = q.where('financial_status', '=', filter.financialStatus);
  if (filter.fulfillmentStatus != null) q = q.where('fulfillment_status', '=', filter.fulfillmentStatus);
  if (filter.createdAtMin != null) q = q.where('created_at', '>=', filter.createdAtMin);
  if (filter.createdAtMax != null) q = q.where('created_at', '<=', filter.createdAtMax);
  if (filter.customerId !== undefined) {
    q = filter.customerId === null ? q.where(sql<SqlBool>`false`) : q.where('customer_id', '=', filter.customerId);
  }
  return q;
}

/** The tenant's orders, newest or by total as asked, paged by keyset. */
export const orderList: TableList<OrderTables, 'orders', OrderSortKey, OrderFilter, OrderConditions> = {
  table: 'orders',
  from: (db) => db.selectFrom('orders'),
  sorts: { ...RECORD_SORTS, TOTAL_PRICE: { column: 'total', kind: 'decimal' } },
  conditions: (tenantId, filter) => ({ ...filter, tenantId }),
  filtered,
};
