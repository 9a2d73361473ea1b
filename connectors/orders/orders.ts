import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { ColumnChoice, Page, TenantDb } from '../../src/sdk';
import { choiceKey, selectColumns } from '../postgres/columns';
import { keysetPage, type KeysetSort } from '../postgres/keyset';
import type { FinancialStatus, FulfillmentStatus, OrderRow, OrderStatus, OrderTables } from './tables';

export const ORDER_SORT_COLUMNS = {
  ID: 'id',
  CREATED_AT: 'created_at',
  UPDATED_AT: 'updated_at',
  TOTAL_PRICE: 'total',
} as const;
export type OrderSortKey = keyof typeof ORDER_SORT_COLUMNS;

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

export type OrderListRow = OrderRow & { sort_value: string };

/** One page of orders (the given `columns`) in the requested order, one extra row to detect the next page. */
export async function listOrders(
  db: TenantDb,
  page: Page,
  sort: KeysetSort,
  filter: OrderFilter,
  columns: ColumnChoice,
): Promise<OrderListRow[]> {
  const conn = await db.get<OrderTables>();
  const conditions: OrderConditions = { ...filter, tenantId: db.tenantId };
  const rows = await keysetPage(
    conn,
    `orders ${choiceKey(columns)}`,
    conditions,
    (shape: Kysely<OrderTables>, inSlots) => filtered(selectColumns(shape.selectFrom('orders'), columns), inSlots),
    sort,
    page,
  );
  return columns.guard(rows);
}

export async function countOrders(db: TenantDb, filter: OrderFilter): Promise<number> {
  const conn = await db.get<OrderTables>();
  const row = await filtered(conn.selectFrom('orders'), { ...filter, tenantId: db.tenantId })
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
