import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { StoredAddress } from './delivery/address';

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
  /** The delivery address (StoredAddress), validated when set. */
  delivery_address: ColumnType<StoredAddress | null, string | null | undefined, string | null>;
  delivery_option_handle: string | null;
  /** Discount codes as the buyer entered them, in order. */
  discount_codes: ColumnType<string[], string[] | undefined, string[]>;
  /** The signed-in shopper the cart belongs to; null for a guest's cart. */
  customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The system of record's copy of the cart (Shopify's Storefront cart id), when it checks out there. */
  external_cart_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where the buyer checks out that copy. */
  checkout_url: ColumnType<string | null, string | null | undefined, string | null>;
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
  delivery_address: true,
  delivery_option_handle: true,
  discount_codes: true,
  customer_id: true,
  external_cart_id: true,
  checkout_url: true,
  created_at: true,
  updated_at: true,
});

/**
 * Every column of a cart row, by name: a statement that names them instead of `*` stays prepared on
 * its connection, which a `*` may not be once a migration adds a column (pg-connection.ts).
 */
export const CART_COLUMNS = cartsTable.columns as readonly (keyof CartsTable)[];

/** A cart line priced at the variant's current price (computed by Postgres, exact). */
export interface PricedLine {
  id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  price: string;
  line_total: string;
  product_id: string;
  requires_shipping: boolean;
  taxable: boolean;
  /** The line's weight (variant weight × quantity) in grams, rounded. */
  weight_grams: number;
}

/** A line as CartLine resolves it: with its cart (read with its pricing columns), whose quote prices it. */
export type CartLineParent = PricedLine & { cart: CartRow };

// The parents of the plugin's GraphQL types (codegen mappers name this module).
export type { StoredAddress } from './delivery/address';
export type { DeliveryOption, ShippingRateRow, ZoneWithRates } from './delivery/options';
export type { TaxRateRow } from './taxes/calculator';
export type { DiscountRow } from './discounts/eligibility';
