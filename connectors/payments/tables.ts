import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { FinancialStatus, Movement } from './lifecycle';

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
  currency_code: string;
  total: string;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface PaymentTables {
  payment_transactions: PaymentTransactionsTable;
  orders: PaidOrdersTable;
}

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
