import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type CartStatus = 'ACTIVE' | 'COMPLETED';

export interface CartsTable {
  id: string;
  tenant_id: string;
  status: ColumnType<CartStatus, CartStatus | undefined, CartStatus>;
  email: string | null;
  phone: string | null;
  country_code: string | null;
  note: string | null;
  order_id: string | null;
  /** The signed-in shopper the cart belongs to; null for a guest's cart. */
  customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CartLinesTable {
  id: Generated<string>;
  tenant_id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  created_at: Timestamp;
}

export interface CartTables {
  carts: CartsTable;
  cart_lines: CartLinesTable;
}

export type CartRow = Selectable<CartsTable>;
export type CartLineRow = Selectable<CartLinesTable>;

/** The tables' columns at run time (column needs), checked against the types above. */
export const cartsTable = tableShape<CartsTable>('carts', {
  id: true,
  tenant_id: true,
  status: true,
  email: true,
  phone: true,
  country_code: true,
  note: true,
  order_id: true,
  customer_id: true,
  created_at: true,
  updated_at: true,
});
