import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { FinancialStatus, FulfillmentStatus, Movement } from './lifecycle';

export type TransactionKind = Movement['kind'];
export type TransactionStatus = 'PENDING' | 'SUCCESS' | 'FAILURE';

export interface PaymentTransactionsTable {
  id: Generated<string>;
  tenant_id: string;
  order_id: string;
  kind: TransactionKind;
  status: TransactionStatus;
  amount: string;
  currency_code: string;
  gateway: string;
  gateway_id: string | null;
  idempotency_key: string;
  error_code: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The columns of the orders table this plugin reads and writes (the orders plugin owns the table). */
export interface PaidOrdersTable {
  id: string;
  tenant_id: string;
  customer_id: string | null;
  status: string;
  financial_status: FinancialStatus;
  fulfillment_status: FulfillmentStatus;
  currency_code: string;
  total: string;
  updated_at: ColumnType<Date, never, Date | string>;
}

/** A shipment of some of an order's units from one location. */
export interface FulfillmentsTable {
  id: Generated<string>;
  tenant_id: string;
  order_id: string;
  status: 'SUCCESS' | 'CANCELLED';
  location_id: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  tracking_company: string | null;
  idempotency_key: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  cancelled_at: Date | null;
}

export interface FulfillmentLinesTable {
  id: Generated<string>;
  tenant_id: string;
  fulfillment_id: string;
  line_item_id: string;
  quantity: number;
}

export interface PaymentTables {
  payment_transactions: PaymentTransactionsTable;
  orders: PaidOrdersTable;
  fulfillments: FulfillmentsTable;
  fulfillment_lines: FulfillmentLinesTable;
}

export type FulfillmentRow = Selectable<FulfillmentsTable>;
export type FulfillmentLineRow = Selectable<FulfillmentLinesTable>;

export type TransactionRow = Selectable<PaymentTransactionsTable>;
export type PaidOrderRow = Selectable<PaidOrdersTable>;

export const transactionsTable = tableShape<PaymentTransactionsTable>('payment_transactions', {
  id: true,
  tenant_id: true,
  order_id: true,
  kind: true,
  status: true,
  amount: true,
  currency_code: true,
  gateway: true,
  gateway_id: true,
  idempotency_key: true,
  error_code: true,
  created_at: true,
});

export const fulfillmentsTable = tableShape<FulfillmentsTable>('fulfillments', {
  id: true,
  tenant_id: true,
  order_id: true,
  status: true,
  location_id: true,
  tracking_number: true,
  tracking_url: true,
  tracking_company: true,
  idempotency_key: true,
  created_at: true,
  cancelled_at: true,
});

export const fulfillmentLinesTable = tableShape<FulfillmentLinesTable>('fulfillment_lines', {
  id: true,
  tenant_id: true,
  fulfillment_id: true,
  line_item_id: true,
  quantity: true,
});
