/**
 * The fake shop's data: plain records, seeded per test. Field names follow Shopify's Admin API;
 * links between records are ids (resolvers in schema.ts turn them into objects).
 */
export interface Money {
  amount: string;
  currencyCode: string;
}

/** A metafield of a product or variant. */
export interface FakeMetafield {
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  updatedAt: string;
}

export interface FakeVariant {
  metafields?: FakeMetafield[];
  id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  compareAtPrice: string | null;
  position: number;
  inventoryQuantity: number;
  selectedOptions: { name: string; value: string }[];
  inventoryItemId: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeProduct {
  metafields?: FakeMetafield[];
  id: string;
  title: string;
  handle: string;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  vendor: string;
  productType: string;
  tags: string[];
  descriptionHtml: string;
  createdAt: string;
  updatedAt: string;
  variants: FakeVariant[];
  collectionIds: string[];
}

export interface FakeCollection {
  id: string;
  title: string;
  handle: string;
  updatedAt: string;
}

export interface FakeLocation {
  id: string;
  name: string;
  isActive: boolean;
  address: {
    address1: string | null;
    city: string | null;
    provinceCode: string | null;
    countryCode: string;
    zip: string | null;
  };
  createdAt: string;
  updatedAt: string;
}

export interface FakeInventoryLevel {
  id: string;
  inventoryItemId: string;
  locationId: string;
  quantities: Record<string, number>;
  updatedAt: string;
}

export interface FakeCustomer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  state: 'DISABLED' | 'INVITED' | 'ENABLED' | 'DECLINED';
  tags: string[];
  numberOfOrders: string;
  amountSpent: Money;
  createdAt: string;
  updatedAt: string;
}

export interface FakeLineItem {
  id: string;
  title: string;
  sku: string | null;
  quantity: number;
  variantId: string | null;
  productId: string | null;
  unitPrice: string;
}

export interface FakeOrder {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string;
  displayFulfillmentStatus: string;
  currencyCode: string;
  totalPrice: string;
  customerId: string | null;
  lineItems: FakeLineItem[];
  tags?: string[];
  sourceIdentifier?: string | null;
  /** The order's note attributes (a checked-out cart's attributes). */
  customAttributes?: { key: string; value: string }[];
  /** The token of the Storefront cart the order was checked out from. */
  cartToken?: string | null;
  /** The orderCreate input the order was made from (checkout tests read it). */
  created?: Record<string, unknown>;
  /** Quantities fulfilled per line item id. */
  fulfilled?: Record<string, number>;
  fulfillments?: { id: string; trackingNumber: string | null }[];
}

/** A Storefront API cart line (`gid://shopify/CartLine/<n>?cart=<token>`). */
export interface FakeCartLine {
  id: string;
  merchandiseId: string;
  quantity: number;
}

/** A Storefront API cart, as the buyer's checkout will see it. */
export interface FakeCart {
  id: string;
  token: string;
  lines: FakeCartLine[];
  buyerIdentity: {
    email: string | null;
    phone: string | null;
    countryCode: string | null;
    deliveryAddressPreferences: Record<string, string | null>[];
  };
  discountCodes: string[];
  note: string | null;
  /** Cart attributes; Shopify copies them onto the order its checkout places. */
  attributes: { key: string; value: string }[];
}

export interface FakeStore {
  shop: { id: string; name: string; myshopifyDomain: string; currencyCode: string };
  products: FakeProduct[];
  collections: FakeCollection[];
  locations: FakeLocation[];
  inventoryLevels: FakeInventoryLevel[];
  customers: FakeCustomer[];
  orders: FakeOrder[];
  /** Storefront API carts. */
  carts: FakeCart[];
}

export function emptyStore(shopDomain = 'acme.myshopify.com'): FakeStore {
  return {
    shop: { id: 'gid://shopify/Shop/1', name: 'Acme', myshopifyDomain: shopDomain, currencyCode: 'EUR' },
    products: [],
    collections: [],
    locations: [],
    inventoryLevels: [],
    customers: [],
    orders: [],
    carts: [],
  };
}
