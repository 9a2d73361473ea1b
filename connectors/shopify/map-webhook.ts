import { cartIdOf } from './checked-out-carts';
import type { CustomerRecord, InventoryLevelRecord, LineItemRecord, OrderRecord, ProductRecord } from './records';
import { financialStatus, fulfillmentStatus, lineTotal, productStatus } from './records';

/** REST webhook payloads (snake_case, numeric ids) -> the same records as the GraphQL sync. */
type Payload = Record<string, unknown>;

/** The gid of a REST object: its `admin_graphql_api_id`, else built from the numeric id. */
export function gidOf(type: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object') {
    const o = value as Payload;
    return typeof o.admin_graphql_api_id === 'string' ? o.admin_graphql_api_id : gidOf(type, o.id);
  }
  const s = text(value);
  return s.startsWith('gid://') ? s : `gid://shopify/${type}/${s}`;
}

/** A scalar as text; objects and absent values give the fallback. */
const text = (v: unknown, fallback = ''): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? String(v) : fallback;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const money = (v: unknown): string | null => (text(v) === '' ? null : text(v));
const tagList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((t) => text(t))
    : text(v)
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);

export function productFromWebhook(p: Payload): ProductRecord {
  const variants = Array.isArray(p.variants) ? (p.variants as Payload[]) : [];
  return {
    externalId: gidOf('Product', p)!,
    title: text(p.title),
    handle: text(p.handle),
    description: str(p.body_html) ?? '',
    vendor: str(p.vendor) ?? '',
    productType: str(p.product_type) ?? '',
    tags: tagList(p.tags),
    status: productStatus(p.status),
    createdAt: String(p.created_at),
    updatedAt: String(p.updated_at),
    variants: variants.map((v, i) => ({
      externalId: gidOf('ProductVariant', v)!,
      title: text(v.title),
      sku: str(v.sku),
      price: money(v.price) ?? '0',
      compareAtPrice: money(v.compare_at_price),
      position: Number(v.position ?? i + 1),
      optionValues: [v.option1, v.option2, v.option3].filter((o) => typeof o === 'string').map(String),
      inventoryItemId: gidOf('InventoryItem', v.inventory_item_id),
      createdAt: String(v.created_at ?? p.created_at),
      updatedAt: String(v.updated_at ?? p.updated_at),
    })),
  };
}

export function inventoryLevelFromWebhook(p: Payload): InventoryLevelRecord | null {
  const item = gidOf('InventoryItem', p.inventory_item_id);
  const location = gidOf('Location', p.location_id);
  if (!item || !location) return null;
  return {
    inventoryItemId: item,
    locationId: location,
    available: Math.max(0, Number(p.available ?? 0)),
    updatedAt: String(p.updated_at),
  };
}

export function customerFromWebhook(p: Payload): CustomerRecord {
  return {
    externalId: gidOf('Customer', p)!,
    email: str(p.email),
    firstName: str(p.first_name),
    lastName: str(p.last_name),
    phone: str(p.phone),
    ordersCount: Number(p.orders_count ?? 0),
    amountSpent: money(p.total_spent) ?? '0',
    createdAt: String(p.created_at),
    updatedAt: String(p.updated_at),
  };
}

export function orderFromWebhook(p: Payload): OrderRecord {
  const lines = Array.isArray(p.line_items) ? (p.line_items as Payload[]) : [];
  return {
    externalId: gidOf('Order', p)!,
    name: text(p.name),
    email: str(p.email),
    customerId: gidOf('Customer', p.customer),
    cancelledAt: str(p.cancelled_at),
    financialStatus: financialStatus(str(p.financial_status)),
    fulfillmentStatus: fulfillmentStatus(str(p.fulfillment_status)),
    currencyCode: str(p.currency) ?? 'USD',
    subtotal: money(p.subtotal_price),
    total: money(p.total_price) ?? '0',
    createdAt: String(p.created_at),
    updatedAt: String(p.updated_at),
    cartId: cartIdOf(p.note_attributes),
    lineItems: lines.map((l): LineItemRecord => {
      const quantity = Number(l.quantity ?? 0);
      const unitPrice = money(l.price) ?? '0';
      return {
        externalId: gidOf('LineItem', l)!,
        title: text(l.title),
        sku: str(l.sku),
        quantity,
        productId: gidOf('Product', l.product_id),
        variantId: gidOf('ProductVariant', l.variant_id),
        unitPrice,
        total: lineTotal(unitPrice, quantity),
      };
    }),
  };
}
