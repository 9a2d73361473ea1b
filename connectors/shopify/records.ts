import { multiplyDecimal } from '../../src/sdk';

/**
 * Shopify data normalised for our tables, whichever way it arrived (bulk JSONL, incremental pages
 * or REST webhook payloads). `externalId` is always the GraphQL gid (`gid://shopify/Product/1`).
 */
export type ProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED';

export interface VariantRecord {
  externalId: string;
  title: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  position: number;
  optionValues: string[];
  inventoryItemId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CollectionRecord {
  externalId: string;
  title: string;
  handle: string;
  updatedAt: string;
}

export interface ProductRecord {
  externalId: string;
  title: string;
  handle: string;
  description: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: ProductStatus;
  createdAt: string;
  updatedAt: string;
  /** Undefined when the source did not carry them (incremental product pages): keep what we have. */
  variants?: VariantRecord[];
  collections?: CollectionRecord[];
}

export interface LocationRecord {
  externalId: string;
  name: string;
  createdAt: string;
}

export interface InventoryLevelRecord {
  inventoryItemId: string;
  locationId: string;
  available: number;
  updatedAt: string;
}

export interface CustomerRecord {
  externalId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  ordersCount: number;
  amountSpent: string;
  createdAt: string;
  updatedAt: string;
}

export interface LineItemRecord {
  externalId: string;
  title: string;
  sku: string | null;
  quantity: number;
  productId: string | null;
  variantId: string | null;
  unitPrice: string;
  total: string;
}

export interface OrderRecord {
  externalId: string;
  name: string;
  email: string | null;
  customerId: string | null;
  cancelledAt: string | null;
  financialStatus: 'PENDING' | 'PAID' | 'REFUNDED' | 'VOIDED';
  fulfillmentStatus: 'UNFULFILLED' | 'FULFILLED';
  currencyCode: string;
  subtotal: string | null;
  total: string;
  createdAt: string;
  updatedAt: string;
  lineItems: LineItemRecord[];
  /** Our cart the order was checked out from at Shopify's checkout (its cart attribute), if any. */
  cartId?: string | null;
}

const PRODUCT_STATUSES: readonly string[] = ['ACTIVE', 'DRAFT', 'ARCHIVED'];

/** A Shopify product status (GraphQL `ACTIVE`, REST `active`); anything else is kept out of sight as DRAFT. */
export function productStatus(value: unknown): ProductRecord['status'] {
  const v = typeof value === 'string' ? value.toUpperCase() : '';
  return PRODUCT_STATUSES.includes(v) ? (v as ProductRecord['status']) : 'DRAFT';
}

/** Shopify's financial statuses onto ours (partial states count as their nearer end). */
export function financialStatus(value: string | null | undefined): OrderRecord['financialStatus'] {
  const v = (value ?? '').toUpperCase();
  if (v === 'REFUNDED' || v === 'VOIDED') return v;
  if (v === 'PAID' || v === 'PARTIALLY_REFUNDED') return 'PAID';
  return 'PENDING';
}

export function fulfillmentStatus(value: string | null | undefined): OrderRecord['fulfillmentStatus'] {
  return (value ?? '').toUpperCase() === 'FULFILLED' ? 'FULFILLED' : 'UNFULFILLED';
}

/** The order number of a Shopify order name (`#1001` -> 1001); null when it has no digits. */
export function orderNumber(name: string): number | null {
  const digits = /(\d+)\s*$/.exec(name)?.[1];
  return digits ? Number(digits) : null;
}

/** A line's total when Shopify gives none: its unit price times its quantity, exactly (no float, no rounding). */
export function lineTotal(unitPrice: string, quantity: number): string {
  return multiplyDecimal(unitPrice, Number.isInteger(quantity) ? BigInt(quantity) : 0n);
}
