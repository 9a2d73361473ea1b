import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrderStatus = 'OPEN' | 'CANCELLED';
// AUTHORIZED, PARTIALLY_REFUNDED and PARTIALLY_FULFILLED are written by the payments plugin (its migration).
export type FinancialStatus = 'PENDING' | 'AUTHORIZED' | 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED';
export type FulfillmentStatus = 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED';
// PAYMENT_TIMEOUT is written by the payments plugin's reservation expiry.
export const CANCEL_REASONS = [
  'CUSTOMER',
  'DECLINED',
  'FRAUD',
  'INVENTORY',
  'STAFF',
  'OTHER',
  'PAYMENT_TIMEOUT',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface OrdersTable {
  id: Generated<string>;
  tenant_id: string;
  number: number;
  cart_id: string | null;
  idempotency_key: string | null;
  customer_id: string | null;
  email: string | null;
  status: ColumnType<OrderStatus, OrderStatus | undefined, OrderStatus>;
  financial_status: ColumnType<FinancialStatus, FinancialStatus | undefined, FinancialStatus>;
  fulfillment_status: ColumnType<FulfillmentStatus, FulfillmentStatus | undefined, FulfillmentStatus>;
  currency_code: string;
  subtotal: string;
  total: string;
  cancel_reason: CancelReason | null;
  cancelled_at: Date | null;
  fulfilled_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLineItemsTable {
  id: Generated<string>;
  tenant_id: string;
  order_id: string;
  product_id: string | null;
  variant_id: string | null;
  title: string;
  variant_title: string | null;
  sku: string | null;
  quantity: number;
  unit_price: string;
  total: string;
}

export interface OrderAllocationsTable {
  tenant_id: string;
  order_id: string;
  variant_id: string;
  location_id: string;
  quantity: number;
}

export interface OrderTables {
  orders: OrdersTable;
  order_line_items: OrderLineItemsTable;
  order_allocations: OrderAllocationsTable;
}

export type OrderRow = Selectable<OrdersTable>;
export type LineItemRow = Selectable<OrderLineItemsTable>;

/** A line item as resolvers receive it: its row (Order.lineItems keeps the order's currency per request). */
export type LineItemParent = LineItemRow;

/** The tables' columns at run time (column needs), checked against the types above. */
export const ordersTable = tableShape<OrdersTable>('orders', {
  id: true,
  tenant_id: true,
  number: true,
  cart_id: true,
  idempotency_key: true,
  customer_id: true,
  email: true,
  status: true,
  financial_status: true,
  fulfillment_status: true,
  currency_code: true,
  subtotal: true,
  total: true,
  cancel_reason: true,
  cancelled_at: true,
  fulfilled_at: true,
  created_at: true,
  updated_at: true,
});
export const lineItemsTable = tableShape<OrderLineItemsTable>('order_line_items', {
  id: true,
  tenant_id: true,
  order_id: true,
  product_id: true,
  variant_id: true,
  title: true,
  variant_title: true,
  sku: true,
  quantity: true,
  unit_price: true,
  total: true,
});
