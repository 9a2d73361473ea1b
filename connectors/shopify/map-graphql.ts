import { cartIdOf } from './checked-out-carts';
import type {
  CollectionRecord,
  CustomerRecord,
  InventoryLevelRecord,
  LineItemRecord,
  LocationRecord,
  OrderRecord,
  ProductRecord,
  VariantRecord,
} from './records';
import { financialStatus, fulfillmentStatus, lineTotal, productStatus } from './records';

/** Admin GraphQL nodes (bulk lines and incremental pages) -> records. Field names as in resource-fields.ts. */
type Node = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const idOf = (v: unknown): string | null => str((v as Node | null | undefined)?.id);
const shopMoney = (v: unknown): string | null => str((v as { shopMoney?: Node } | null)?.shopMoney?.amount);

export function toProduct(n: Node): ProductRecord {
  return {
    externalId: String(n.id),
    title: String(n.title),
    handle: String(n.handle),
    description: str(n.descriptionHtml) ?? '',
    vendor: str(n.vendor) ?? '',
    productType: str(n.productType) ?? '',
    tags: Array.isArray(n.tags) ? n.tags.map(String) : [],
    status: productStatus(n.status),
    createdAt: String(n.createdAt),
    updatedAt: String(n.updatedAt),
  };
}

export function toVariant(n: Node): VariantRecord {
  const options = Array.isArray(n.selectedOptions) ? (n.selectedOptions as Node[]) : [];
  return {
    externalId: String(n.id),
    title: String(n.title),
    sku: str(n.sku) || null,
    price: typeof n.price === 'string' || typeof n.price === 'number' ? String(n.price) : '0',
    compareAtPrice: str(n.compareAtPrice),
    position: Number(n.position ?? 1),
    optionValues: options.map((o) => String(o.value)),
    inventoryItemId: idOf(n.inventoryItem),
    createdAt: String(n.createdAt),
    updatedAt: String(n.updatedAt),
  };
}

export function toCollection(n: Node): CollectionRecord {
  return { externalId: String(n.id), title: String(n.title), handle: String(n.handle), updatedAt: String(n.updatedAt) };
}

export function toLocation(n: Node): LocationRecord {
  return { externalId: String(n.id), name: String(n.name), createdAt: String(n.createdAt) };
}

/** A level from a bulk line (`item`) or an inventory item's page (`location`, item given). */
export function toInventoryLevel(n: Node, ids: { item?: string; location?: string }): InventoryLevelRecord | null {
  const quantities = Array.isArray(n.quantities) ? (n.quantities as Node[]) : [];
  const available = quantities.find((q) => q.name === 'available');
  const item = ids.item ?? idOf(n.item);
  const location = ids.location ?? idOf(n.location);
  if (!item || !location) return null;
  return {
    inventoryItemId: item,
    locationId: location,
    available: Math.max(0, Number(available?.quantity ?? 0)),
    updatedAt: String(n.updatedAt),
  };
}

export function toCustomer(n: Node): CustomerRecord {
  return {
    externalId: String(n.id),
    email: str((n.defaultEmailAddress as Node | null)?.emailAddress),
    firstName: str(n.firstName),
    lastName: str(n.lastName),
    phone: str((n.defaultPhoneNumber as Node | null)?.phoneNumber),
    ordersCount: Number(n.numberOfOrders ?? 0),
    amountSpent: str((n.amountSpent as Node | null)?.amount) ?? '0',
    createdAt: String(n.createdAt),
    updatedAt: String(n.updatedAt),
  };
}

export function toLineItem(n: Node): LineItemRecord {
  const unitPrice = shopMoney(n.originalUnitPriceSet) ?? '0';
  const quantity = Number(n.quantity ?? 0);
  return {
    externalId: String(n.id),
    title: String(n.title),
    sku: str(n.sku),
    quantity,
    productId: idOf(n.product),
    variantId: idOf(n.variant),
    unitPrice,
    total: shopMoney(n.discountedTotalSet) ?? lineTotal(unitPrice, quantity),
  };
}

/** An order; line items come separately in bulk (child lines) or nested in incremental pages. */
export function toOrder(n: Node, lineItems?: LineItemRecord[]): OrderRecord {
  const nested = (n.lineItems as { nodes?: Node[] } | undefined)?.nodes;
  return {
    externalId: String(n.id),
    name: String(n.name),
    email: str(n.email),
    customerId: idOf(n.customer),
    cancelledAt: str(n.cancelledAt),
    financialStatus: financialStatus(str(n.displayFinancialStatus)),
    fulfillmentStatus: fulfillmentStatus(str(n.displayFulfillmentStatus)),
    currencyCode: str(n.currencyCode) ?? 'USD',
    subtotal: shopMoney(n.subtotalPriceSet),
    total: shopMoney(n.totalPriceSet) ?? '0',
    createdAt: String(n.createdAt),
    updatedAt: String(n.updatedAt),
    cartId: cartIdOf(n.customAttributes),
    lineItems: lineItems ?? (nested ?? []).map(toLineItem),
  };
}
