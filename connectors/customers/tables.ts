import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CustomersTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  name_key: ColumnType<string, never, never>;
  orders_count: ColumnType<number, number | undefined, number>;
  amount_spent: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerTables {
  customers: CustomersTable;
}

export type CustomerRow = Selectable<CustomersTable>;

/** The tables' columns at run time (column needs), checked against the types above. */
export const customersTable = tableShape<CustomersTable>('customers', {
  id: true,
  tenant_id: true,
  email: true,
  first_name: true,
  last_name: true,
  phone: true,
  name_key: true,
  orders_count: true,
  amount_spent: true,
  created_at: true,
  updated_at: true,
});
