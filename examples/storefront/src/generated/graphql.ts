/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-4217 currency code */
  CurrencyCode: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A decimal number as a string */
  Decimal: { input: string; output: string; }
  /** A field whose value conforms to the standard URL format as specified in RFC3986: https://www.ietf.org/rfc/rfc3986.txt. */
  URL: { input: string; output: string; }
};

/**
 * A buyer's cart, priced on the server in the shop's currency. Its ID is a random token and the only
 * credential for the cart: keep it private. Carts are fetched with `cart(id:)`, not `node`.
 */
export type Cart = {
  __typename?: 'Cart';
  buyerIdentity: CartBuyerIdentity;
  cost: CartCost;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lines: CartLineConnection;
  note?: Maybe<Scalars['String']['output']>;
  status: CartStatus;
  /** Sum of the line quantities. */
  totalQuantity: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


/**
 * A buyer's cart, priced on the server in the shop's currency. Its ID is a random token and the only
 * credential for the cart: keep it private. Carts are fetched with `cart(id:)`, not `node`.
 */
export type CartLinesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Who is buying: what the buyer entered, nothing looked up. */
export type CartBuyerIdentity = {
  __typename?: 'CartBuyerIdentity';
  countryCode?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
};

export type CartBuyerIdentityInput = {
  /** ISO 3166-1 alpha-2, e.g. US. */
  countryCode?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type CartCost = {
  __typename?: 'CartCost';
  subtotalAmount: Money;
  totalAmount: Money;
};

export type CartInput = {
  buyerIdentity?: InputMaybe<CartBuyerIdentityInput>;
  lines?: InputMaybe<Array<CartLineInput>>;
  note?: InputMaybe<Scalars['String']['input']>;
};

/** One variant in a cart, at its current price. */
export type CartLine = {
  __typename?: 'CartLine';
  cost: CartLineCost;
  id: Scalars['ID']['output'];
  merchandise?: Maybe<ProductVariant>;
  quantity: Scalars['Int']['output'];
};

export type CartLineConnection = {
  __typename?: 'CartLineConnection';
  edges: Array<CartLineEdge>;
  nodes: Array<CartLine>;
  pageInfo: PageInfo;
};

export type CartLineCost = {
  __typename?: 'CartLineCost';
  amountPerQuantity: Money;
  subtotalAmount: Money;
  totalAmount: Money;
};

export type CartLineEdge = {
  __typename?: 'CartLineEdge';
  cursor: Scalars['String']['output'];
  node: CartLine;
};

export type CartLineInput = {
  /** A ProductVariant ID. */
  merchandiseId: Scalars['ID']['input'];
  /** 1 to 999. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

export type CartLineUpdateInput = {
  /** A CartLine ID of this cart. */
  id: Scalars['ID']['input'];
  /** 0 removes the line; at most 999. */
  quantity: Scalars['Int']['input'];
};

export type CartPayload = {
  __typename?: 'CartPayload';
  cart?: Maybe<Cart>;
  userErrors: Array<UserError>;
};

export type CartStatus =
  | 'ACTIVE'
  /** Checked out: the cart became an order and can no longer change. */
  | 'COMPLETED';

export type CheckoutCompletePayload = {
  __typename?: 'CheckoutCompletePayload';
  /** The order the cart became (also when a retry with the same key returns it again). */
  order?: Maybe<Order>;
  userErrors: Array<UserError>;
};

/** A group of products, such as Summer or Sale. */
export type Collection = Node & {
  __typename?: 'Collection';
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The collection's products the caller may see, with the same sorting and filters as `products`. */
  products: ProductConnection;
  /** Null while unpublished (hidden from the storefront). */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


/** A group of products, such as Summer or Sale. */
export type CollectionProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<ProductSortKeys>;
};

export type CollectionConnection = {
  __typename?: 'CollectionConnection';
  edges: Array<CollectionEdge>;
  nodes: Array<Collection>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CollectionCreateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Derived from the title when omitted; must be unique in the shop. */
  handle?: InputMaybe<Scalars['String']['input']>;
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** True publishes the collection to the storefront. */
  published?: InputMaybe<Scalars['Boolean']['input']>;
  title: Scalars['String']['input'];
};

export type CollectionDeleteInput = {
  id: Scalars['ID']['input'];
};

export type CollectionDeletePayload = {
  __typename?: 'CollectionDeletePayload';
  deletedCollectionId?: Maybe<Scalars['ID']['output']>;
  userErrors: Array<UserError>;
};

export type CollectionEdge = {
  __typename?: 'CollectionEdge';
  cursor: Scalars['String']['output'];
  node: Collection;
};

export type CollectionPayload = {
  __typename?: 'CollectionPayload';
  collection?: Maybe<Collection>;
  userErrors: Array<UserError>;
};

export type CollectionSortKeys =
  | 'ID'
  | 'TITLE'
  | 'UPDATED_AT';

export type CollectionUpdateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  handle?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  published?: InputMaybe<Scalars['Boolean']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A buyer known to the shop. Personal data: visible to staff with the read_customers scope only. */
export type Customer = Node & {
  __typename?: 'Customer';
  /** Total of the customer's orders, less cancelled ones, in the shop's currency. */
  amountSpent: Money;
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  /** Lower-cased; unique per shop. */
  email: Scalars['String']['output'];
  firstName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastName?: Maybe<Scalars['String']['output']>;
  numberOfOrders: Scalars['Int']['output'];
  /** The customer's newest orders (read_orders). */
  orders: OrderConnection;
  phone?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};


/** A buyer known to the shop. Personal data: visible to staff with the read_customers scope only. */
export type CustomerOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  edges: Array<CustomerEdge>;
  nodes: Array<Customer>;
  pageInfo: PageInfo;
  /** Customers matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  cursor: Scalars['String']['output'];
  node: Customer;
};

export type CustomerFilter = {
  createdAtMax?: InputMaybe<Scalars['DateTime']['input']>;
  createdAtMin?: InputMaybe<Scalars['DateTime']['input']>;
  /** Matches email, first or last name (substring, case-insensitive; % and _ match literally). */
  query?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerPayload = {
  __typename?: 'CustomerPayload';
  customer?: Maybe<Customer>;
  userErrors: Array<UserError>;
};

export type CustomerSortKeys =
  | 'CREATED_AT'
  | 'ID'
  /** Last name, first name, then email. */
  | 'NAME'
  | 'UPDATED_AT';

export type DependencyStatus = {
  __typename?: 'DependencyStatus';
  detail?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
};

/** The gateway's own view of its health: for operators, admin only. */
export type GatewayStatus = {
  __typename?: 'GatewayStatus';
  dependencies: Array<DependencyStatus>;
  plugins: Array<PluginStatus>;
  ready: Scalars['Boolean']['output'];
  tenants: Array<TenantStatus>;
};

/** A product image. */
export type Image = Node & {
  __typename?: 'Image';
  altText?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  url: Scalars['URL']['output'];
};

export type ImageConnection = {
  __typename?: 'ImageConnection';
  edges: Array<ImageEdge>;
  nodes: Array<Image>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ImageEdge = {
  __typename?: 'ImageEdge';
  cursor: Scalars['String']['output'];
  node: Image;
};

export type ImageInput = {
  altText?: InputMaybe<Scalars['String']['input']>;
  url: Scalars['URL']['input'];
};

export type InventoryAdjustInput = {
  /** Units to add (positive) or remove (negative); stock never goes below zero. */
  delta: Scalars['Int']['input'];
  locationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  variantId: Scalars['ID']['input'];
};

/** One change of stock, kept as history. */
export type InventoryAdjustment = Node & {
  __typename?: 'InventoryAdjustment';
  createdAt: Scalars['DateTime']['output'];
  /** Units added (positive) or removed (negative). */
  delta: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  location: Location;
  quantityAfter: Scalars['Int']['output'];
  /** Why: correction, received, damaged, checkout, order_cancel... */
  reason: Scalars['String']['output'];
  variant?: Maybe<ProductVariant>;
};

export type InventoryAdjustmentConnection = {
  __typename?: 'InventoryAdjustmentConnection';
  edges: Array<InventoryAdjustmentEdge>;
  nodes: Array<InventoryAdjustment>;
  pageInfo: PageInfo;
};

export type InventoryAdjustmentEdge = {
  __typename?: 'InventoryAdjustmentEdge';
  cursor: Scalars['String']['output'];
  node: InventoryAdjustment;
};

export type InventoryChangePayload = {
  __typename?: 'InventoryChangePayload';
  adjustment?: Maybe<InventoryAdjustment>;
  inventoryLevel?: Maybe<InventoryLevel>;
  userErrors: Array<UserError>;
};

/** Stock of one variant at one location. */
export type InventoryLevel = {
  __typename?: 'InventoryLevel';
  /** Units that can be sold; never below zero. */
  available: Scalars['Int']['output'];
  location: Location;
  updatedAt: Scalars['DateTime']['output'];
  /** Null when the caller may not read the catalog. */
  variant?: Maybe<ProductVariant>;
};

export type InventorySetInput = {
  locationId: Scalars['ID']['input'];
  /** The new number of available units (zero or more). */
  quantity: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  variantId: Scalars['ID']['input'];
};

/** One product line of an order. */
export type LineItem = {
  __typename?: 'LineItem';
  id: Scalars['ID']['output'];
  originalTotal: Money;
  originalUnitPrice: Money;
  /** The product as it is now; null when deleted or not visible to the caller. */
  product?: Maybe<Product>;
  quantity: Scalars['Int']['output'];
  sku?: Maybe<Scalars['String']['output']>;
  /** The product title at checkout. */
  title: Scalars['String']['output'];
  /** The variant as it is now; null when deleted or not visible to the caller. */
  variant?: Maybe<ProductVariant>;
  variantTitle?: Maybe<Scalars['String']['output']>;
};

export type LineItemConnection = {
  __typename?: 'LineItemConnection';
  edges: Array<LineItemEdge>;
  nodes: Array<LineItem>;
  pageInfo: PageInfo;
};

export type LineItemEdge = {
  __typename?: 'LineItemEdge';
  cursor: Scalars['String']['output'];
  node: LineItem;
};

/** A place stock is kept, such as a warehouse or a store. */
export type Location = Node & {
  __typename?: 'Location';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type LocationAddInput = {
  name: Scalars['String']['input'];
};

export type LocationAddPayload = {
  __typename?: 'LocationAddPayload';
  location?: Maybe<Location>;
  userErrors: Array<UserError>;
};

export type LocationConnection = {
  __typename?: 'LocationConnection';
  edges: Array<LocationEdge>;
  nodes: Array<Location>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LocationEdge = {
  __typename?: 'LocationEdge';
  cursor: Scalars['String']['output'];
  node: Location;
};

/** A monetary amount in a currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  currencyCode: Scalars['CurrencyCode']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  cartBuyerIdentityUpdate: CartPayload;
  /** Creates a cart, optionally with lines and buyer identity (storefront). */
  cartCreate: CartPayload;
  /** Adds quantities to the cart; lines of one variant merge (storefront). */
  cartLinesAdd: CartPayload;
  cartLinesRemove: CartPayload;
  /** Sets line quantities; 0 removes a line (storefront). */
  cartLinesUpdate: CartPayload;
  /**
   * Places an order from the cart in one transaction: reserves stock, snapshots titles and prices,
   * links the customer by email, completes the cart. Idempotent: the same key returns the same order.
   */
  checkoutComplete: CheckoutCompletePayload;
  /** Adds products (already members are left as they are). */
  collectionAddProducts: CollectionPayload;
  collectionCreate: CollectionPayload;
  collectionDelete: CollectionDeletePayload;
  collectionRemoveProducts: CollectionPayload;
  collectionUpdate: CollectionPayload;
  /** Creates a customer (write_customers); the email must be new to the shop. */
  customerCreate: CustomerPayload;
  /** Changes a customer's details (write_customers). */
  customerUpdate: CustomerPayload;
  /** Changes stock by a delta; NOT_ENOUGH_STOCK when it would go below zero. Creates the level when missing. */
  inventoryAdjust: InventoryChangePayload;
  /** Sets stock to a quantity, recording the difference as an adjustment. */
  inventorySet: InventoryChangePayload;
  locationAdd: LocationAddPayload;
  /** Cancels an open, unfulfilled order and by default restocks its items (write_orders). */
  orderCancel: OrderPayload;
  /** Marks an open order as fulfilled (write_orders). */
  orderFulfill: OrderPayload;
  productCreate: ProductCreatePayload;
  /** Deletes the product with its variants, options, images and collection memberships. */
  productDelete: ProductDeletePayload;
  productOptionUpdate: ProductOptionsPayload;
  productOptionsCreate: ProductOptionsPayload;
  productOptionsDelete: ProductOptionsPayload;
  productUpdate: ProductUpdatePayload;
  productVariantCreate: ProductVariantPayload;
  /** A product keeps at least one variant: deleting the last one is NOT_ALLOWED. */
  productVariantDelete: ProductVariantDeletePayload;
  productVariantUpdate: ProductVariantPayload;
};


export type MutationCartBuyerIdentityUpdateArgs = {
  buyerIdentity: CartBuyerIdentityInput;
  cartId: Scalars['ID']['input'];
};


export type MutationCartCreateArgs = {
  input?: InputMaybe<CartInput>;
};


export type MutationCartLinesAddArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineInput>;
};


export type MutationCartLinesRemoveArgs = {
  cartId: Scalars['ID']['input'];
  lineIds: Array<Scalars['ID']['input']>;
};


export type MutationCartLinesUpdateArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineUpdateInput>;
};


export type MutationCheckoutCompleteArgs = {
  cartId: Scalars['ID']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
};


export type MutationCollectionAddProductsArgs = {
  id: Scalars['ID']['input'];
  productIds: Array<Scalars['ID']['input']>;
};


export type MutationCollectionCreateArgs = {
  input: CollectionCreateInput;
};


export type MutationCollectionDeleteArgs = {
  input: CollectionDeleteInput;
};


export type MutationCollectionRemoveProductsArgs = {
  id: Scalars['ID']['input'];
  productIds: Array<Scalars['ID']['input']>;
};


export type MutationCollectionUpdateArgs = {
  input: CollectionUpdateInput;
};


export type MutationCustomerCreateArgs = {
  input: CustomerInput;
};


export type MutationCustomerUpdateArgs = {
  id: Scalars['ID']['input'];
  input: CustomerInput;
};


export type MutationInventoryAdjustArgs = {
  input: InventoryAdjustInput;
};


export type MutationInventorySetArgs = {
  input: InventorySetInput;
};


export type MutationLocationAddArgs = {
  input: LocationAddInput;
};


export type MutationOrderCancelArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<OrderCancelReason>;
  restock?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationOrderFulfillArgs = {
  id: Scalars['ID']['input'];
};


export type MutationProductCreateArgs = {
  input: ProductCreateInput;
};


export type MutationProductDeleteArgs = {
  input: ProductDeleteInput;
};


export type MutationProductOptionUpdateArgs = {
  option: ProductOptionUpdateInput;
  productId: Scalars['ID']['input'];
};


export type MutationProductOptionsCreateArgs = {
  options: Array<ProductOptionInput>;
  productId: Scalars['ID']['input'];
};


export type MutationProductOptionsDeleteArgs = {
  options: Array<Scalars['ID']['input']>;
  productId: Scalars['ID']['input'];
};


export type MutationProductUpdateArgs = {
  input: ProductUpdateInput;
};


export type MutationProductVariantCreateArgs = {
  input: ProductVariantCreateInput;
};


export type MutationProductVariantDeleteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationProductVariantUpdateArgs = {
  input: ProductVariantUpdateInput;
};

/** An object with a globally unique, opaque ID. */
export type Node = {
  id: Scalars['ID']['output'];
};

/** A placed order. Line items keep the title and price they had at checkout. */
export type Order = Node & {
  __typename?: 'Order';
  cancelReason?: Maybe<OrderCancelReason>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  currencyCode: Scalars['CurrencyCode']['output'];
  /** The buyer; null unless the caller holds read_customers. */
  customer?: Maybe<Customer>;
  email?: Maybe<Scalars['String']['output']>;
  financialStatus: OrderFinancialStatus;
  fulfilledAt?: Maybe<Scalars['DateTime']['output']>;
  fulfillmentStatus: OrderFulfillmentStatus;
  id: Scalars['ID']['output'];
  lineItems: LineItemConnection;
  /** The shop's order number, e.g. #1001. */
  name: Scalars['String']['output'];
  orderNumber: Scalars['Int']['output'];
  status: OrderStatus;
  subtotalPrice: Money;
  totalPrice: Money;
  updatedAt: Scalars['DateTime']['output'];
};


/** A placed order. Line items keep the title and price they had at checkout. */
export type OrderLineItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type OrderCancelReason =
  | 'CUSTOMER'
  | 'DECLINED'
  | 'FRAUD'
  | 'INVENTORY'
  | 'OTHER'
  | 'STAFF';

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  nodes: Array<Order>;
  pageInfo: PageInfo;
  /** Orders matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderFilter = {
  /** Created at or before. */
  createdAtMax?: InputMaybe<Scalars['DateTime']['input']>;
  /** Created at or after. */
  createdAtMin?: InputMaybe<Scalars['DateTime']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  financialStatus?: InputMaybe<OrderFinancialStatus>;
  fulfillmentStatus?: InputMaybe<OrderFulfillmentStatus>;
  status?: InputMaybe<OrderStatus>;
};

export type OrderFinancialStatus =
  | 'PAID'
  | 'PENDING'
  | 'REFUNDED'
  | 'VOIDED';

export type OrderFulfillmentStatus =
  | 'FULFILLED'
  | 'UNFULFILLED';

export type OrderPayload = {
  __typename?: 'OrderPayload';
  order?: Maybe<Order>;
  userErrors: Array<UserError>;
};

export type OrderSortKeys =
  | 'CREATED_AT'
  | 'ID'
  | 'TOTAL_PRICE'
  | 'UPDATED_AT';

export type OrderStatus =
  | 'CANCELLED'
  | 'OPEN';

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PluginState =
  | 'ACTIVE'
  | 'QUARANTINED';

export type PluginStatus = {
  __typename?: 'PluginStatus';
  /** The plugin's own health check, when it has one. */
  healthy?: Maybe<Scalars['Boolean']['output']>;
  name: Scalars['String']['output'];
  /** Why the plugin was quarantined. */
  reason?: Maybe<Scalars['String']['output']>;
  state: PluginState;
  version?: Maybe<Scalars['String']['output']>;
};

/** Inclusive bounds on a variant's price; either may be omitted. */
export type PriceRangeFilter = {
  max?: InputMaybe<Scalars['Decimal']['input']>;
  min?: InputMaybe<Scalars['Decimal']['input']>;
};

/** A product offered for sale, with its purchasable variants. */
export type Product = Node & {
  __typename?: 'Product';
  /** True when at least one variant can be bought (stock left, or stock not tracked). */
  availableForSale: Scalars['Boolean']['output'];
  /** Collections the product belongs to (the storefront sees published ones only). */
  collections: CollectionConnection;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  /** The first image, if any. */
  featuredImage?: Maybe<Image>;
  /** Unique per shop, used in storefront URLs. */
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Images in display order. */
  images: ImageConnection;
  /** Options (such as size or colour) and their values, in display order. */
  options: Array<ProductOption>;
  /** The lowest and highest variant prices. */
  priceRange: ProductPriceRange;
  productType: Scalars['String']['output'];
  /** When the product became visible to the storefront; null while never published. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Only ACTIVE products are visible to the storefront, once published. */
  status: ProductStatus;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Variants in display order. */
  variants: ProductVariantConnection;
  vendor: Scalars['String']['output'];
};


/** A product offered for sale, with its purchasable variants. */
export type ProductCollectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A product offered for sale, with its purchasable variants. */
export type ProductImagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A product offered for sale, with its purchasable variants. */
export type ProductVariantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  nodes: Array<Product>;
  pageInfo: PageInfo;
  /** Products matching the filters, across all pages (one extra statement when selected). */
  totalCount: Scalars['Int']['output'];
};

export type ProductCreateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Derived from the title when omitted; must be unique in the shop. */
  handle?: InputMaybe<Scalars['String']['input']>;
  images?: InputMaybe<Array<ImageInput>>;
  options?: InputMaybe<Array<ProductOptionInput>>;
  productType?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to DRAFT; ACTIVE publishes the product. */
  status?: InputMaybe<ProductStatus>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
  /** At least one variant is created: a Default Title variant priced 0.00 when none is given. */
  variants?: InputMaybe<Array<ProductVariantFields>>;
  vendor?: InputMaybe<Scalars['String']['input']>;
};

export type ProductCreatePayload = {
  __typename?: 'ProductCreatePayload';
  product?: Maybe<Product>;
  userErrors: Array<UserError>;
};

export type ProductDeleteInput = {
  id: Scalars['ID']['input'];
};

export type ProductDeletePayload = {
  __typename?: 'ProductDeletePayload';
  deletedProductId?: Maybe<Scalars['ID']['output']>;
  userErrors: Array<UserError>;
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

/** Conditions a product must meet; all given conditions apply. */
export type ProductFilter = {
  availableForSale?: InputMaybe<Scalars['Boolean']['input']>;
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  /** Products with at least one variant priced within the range. */
  price?: InputMaybe<PriceRangeFilter>;
  productType?: InputMaybe<Scalars['String']['input']>;
  /** Admin only in effect: the storefront sees ACTIVE products whatever this says. */
  status?: InputMaybe<ProductStatus>;
  tag?: InputMaybe<Scalars['String']['input']>;
  vendor?: InputMaybe<Scalars['String']['input']>;
};

/** A product option, such as Size, with the values its variants use. */
export type ProductOption = Node & {
  __typename?: 'ProductOption';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  values: Array<Scalars['String']['output']>;
};

export type ProductOptionInput = {
  name: Scalars['String']['input'];
  values: Array<Scalars['String']['input']>;
};

export type ProductOptionUpdateInput = {
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  values?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ProductOptionsPayload = {
  __typename?: 'ProductOptionsPayload';
  product?: Maybe<Product>;
  userErrors: Array<UserError>;
};

export type ProductPriceRange = {
  __typename?: 'ProductPriceRange';
  maxVariantPrice: Money;
  minVariantPrice: Money;
};

/** How products are ordered. Each key has a natural direction (BEST_SELLING: most sold first); `reverse` flips it. */
export type ProductSortKeys =
  | 'BEST_SELLING'
  | 'CREATED_AT'
  | 'ID'
  | 'PRICE'
  /** Closest title matches to `query` first; ID order without a query. */
  | 'RELEVANCE'
  | 'TITLE';

export type ProductStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

export type ProductUpdateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  handle?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** Replaces all images when given. */
  images?: InputMaybe<Array<ImageInput>>;
  productType?: InputMaybe<Scalars['String']['input']>;
  /** ACTIVE publishes the product (sets publishedAt the first time); DRAFT or ARCHIVED hides it. */
  status?: InputMaybe<ProductStatus>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
  vendor?: InputMaybe<Scalars['String']['input']>;
};

export type ProductUpdatePayload = {
  __typename?: 'ProductUpdatePayload';
  product?: Maybe<Product>;
  userErrors: Array<UserError>;
};

/** A purchasable version of a product, such as a size or colour. */
export type ProductVariant = Node & {
  __typename?: 'ProductVariant';
  /** True while stock is left, or when stock is not tracked. */
  availableForSale: Scalars['Boolean']['output'];
  /** The price before a discount, shown struck through. */
  compareAtPrice?: Maybe<Money>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Stock per location, in location order (needs read_inventory). */
  inventoryLevels?: Maybe<Array<InventoryLevel>>;
  position: Scalars['Int']['output'];
  price: Money;
  product: Product;
  /** Units available across all locations; null when stock is not tracked. */
  quantityAvailable?: Maybe<Scalars['Int']['output']>;
  /** The option values of this variant, e.g. Size: M. */
  selectedOptions: Array<SelectedOption>;
  sku?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ProductVariantConnection = {
  __typename?: 'ProductVariantConnection';
  edges: Array<ProductVariantEdge>;
  nodes: Array<ProductVariant>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProductVariantCreateInput = {
  compareAtPrice?: InputMaybe<Scalars['Decimal']['input']>;
  optionValues?: InputMaybe<Array<Scalars['String']['input']>>;
  price: Scalars['Decimal']['input'];
  productId: Scalars['ID']['input'];
  sku?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ProductVariantDeletePayload = {
  __typename?: 'ProductVariantDeletePayload';
  deletedProductVariantId?: Maybe<Scalars['ID']['output']>;
  product?: Maybe<Product>;
  userErrors: Array<UserError>;
};

export type ProductVariantEdge = {
  __typename?: 'ProductVariantEdge';
  cursor: Scalars['String']['output'];
  node: ProductVariant;
};

export type ProductVariantFields = {
  compareAtPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Values of the product's options, in option order. */
  optionValues?: InputMaybe<Array<Scalars['String']['input']>>;
  price?: InputMaybe<Scalars['Decimal']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ProductVariantPayload = {
  __typename?: 'ProductVariantPayload';
  product?: Maybe<Product>;
  productVariant?: Maybe<ProductVariant>;
  userErrors: Array<UserError>;
};

export type ProductVariantUpdateInput = {
  compareAtPrice?: InputMaybe<Scalars['Decimal']['input']>;
  id: Scalars['ID']['input'];
  optionValues?: InputMaybe<Array<Scalars['String']['input']>>;
  position?: InputMaybe<Scalars['Int']['input']>;
  price?: InputMaybe<Scalars['Decimal']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** A cart by the ID cartCreate returned (storefront). */
  cart?: Maybe<Cart>;
  /** A collection by global ID or by handle. */
  collection?: Maybe<Collection>;
  /** A collection by handle. */
  collectionByHandle?: Maybe<Collection>;
  /** Collections of the shop (the storefront sees published ones). `query` matches the title. */
  collections: CollectionConnection;
  /** A customer by global ID (read_customers). */
  customer?: Maybe<Customer>;
  /** The shop's customers (read_customers). */
  customers: CustomerConnection;
  /** Plugins, tenants and dependencies of this gateway (admin only). */
  gatewayStatus: GatewayStatus;
  /** Stock changes, newest first; optionally of one variant and/or one location. */
  inventoryAdjustments: InventoryAdjustmentConnection;
  /** Locations of the shop, oldest first. */
  locations: LocationConnection;
  /** Fetches any object by its global ID; null when it does not exist or is not visible to the caller. */
  node?: Maybe<Node>;
  /** Fetches objects by global IDs, in order; null for each that does not exist or is not visible. */
  nodes: Array<Maybe<Node>>;
  /** An order by global ID (read_orders). */
  order?: Maybe<Order>;
  /** The shop's orders (read_orders). */
  orders: OrderConnection;
  /** A product by global ID or by handle. */
  product?: Maybe<Product>;
  /**
   * Products of the shop. `query` matches title, description, vendor and tags (case-insensitive substring).
   * The storefront sees ACTIVE, published products; admins with read_products see all.
   */
  products: ProductConnection;
};


export type QueryCartArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCollectionArgs = {
  handle?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCollectionByHandleArgs = {
  handle: Scalars['String']['input'];
};


export type QueryCollectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<CollectionSortKeys>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<CustomerSortKeys>;
};


export type QueryInventoryAdjustmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locationId?: InputMaybe<Scalars['ID']['input']>;
  variantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryLocationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<OrderSortKeys>;
};


export type QueryProductArgs = {
  handle?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<ProductSortKeys>;
};

export type SelectedOption = {
  __typename?: 'SelectedOption';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type TenantState =
  | 'ACTIVE'
  | 'DISABLED';

export type TenantStatus = {
  __typename?: 'TenantStatus';
  file: Scalars['String']['output'];
  id: Scalars['String']['output'];
  problems: Array<Scalars['String']['output']>;
  state: TenantState;
};

/** Why an expected failure of a mutation happened; `field` is the path of the input at fault. */
export type UserError = {
  __typename?: 'UserError';
  code: UserErrorCode;
  field?: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

export type UserErrorCode =
  | 'ALREADY_CANCELLED'
  | 'ALREADY_COMPLETED'
  | 'ALREADY_FULFILLED'
  | 'BLANK'
  /** A cart without lines cannot be checked out. */
  | 'CART_EMPTY'
  | 'INVALID'
  /** A number is below its minimum. */
  | 'LESS_THAN'
  | 'LESS_THAN_ZERO'
  /** A quantity or a list is over its maximum. */
  | 'MAXIMUM_EXCEEDED'
  | 'NOT_ALLOWED'
  | 'NOT_ENOUGH_STOCK'
  | 'NOT_FOUND'
  | 'TAKEN'
  | 'TOO_LONG';

export type ProductPageQueryVariables = Exact<{
  handle: Scalars['String']['input'];
}>;


export type ProductPageQuery = { __typename?: 'Query', product?: { __typename?: 'Product', id: string, handle: string, title: string, description: string, priceRange: { __typename?: 'ProductPriceRange', minVariantPrice: { __typename?: 'Money', amount: string, currencyCode: string } }, variants: { __typename?: 'ProductVariantConnection', nodes: Array<{ __typename?: 'ProductVariant', id: string, title: string, availableForSale: boolean, price: { __typename?: 'Money', amount: string, currencyCode: string } }> } } | null };

export type CartFieldsFragment = { __typename?: 'Cart', id: string, totalQuantity: number, cost: { __typename?: 'CartCost', subtotalAmount: { __typename?: 'Money', amount: string, currencyCode: string } }, lines: { __typename?: 'CartLineConnection', nodes: Array<{ __typename?: 'CartLine', id: string, quantity: number, merchandise?: { __typename?: 'ProductVariant', id: string, title: string } | null }> } };

export type CartCreateMutationVariables = Exact<{
  lines?: InputMaybe<Array<CartLineInput> | CartLineInput>;
}>;


export type CartCreateMutation = { __typename?: 'Mutation', cartCreate: { __typename?: 'CartPayload', cart?: { __typename?: 'Cart', id: string, totalQuantity: number, cost: { __typename?: 'CartCost', subtotalAmount: { __typename?: 'Money', amount: string, currencyCode: string } }, lines: { __typename?: 'CartLineConnection', nodes: Array<{ __typename?: 'CartLine', id: string, quantity: number, merchandise?: { __typename?: 'ProductVariant', id: string, title: string } | null }> } } | null, userErrors: Array<{ __typename?: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CartLinesAddMutationVariables = Exact<{
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineInput> | CartLineInput;
}>;


export type CartLinesAddMutation = { __typename?: 'Mutation', cartLinesAdd: { __typename?: 'CartPayload', cart?: { __typename?: 'Cart', id: string, totalQuantity: number, cost: { __typename?: 'CartCost', subtotalAmount: { __typename?: 'Money', amount: string, currencyCode: string } }, lines: { __typename?: 'CartLineConnection', nodes: Array<{ __typename?: 'CartLine', id: string, quantity: number, merchandise?: { __typename?: 'ProductVariant', id: string, title: string } | null }> } } | null, userErrors: Array<{ __typename?: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export const CartFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CartFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cart"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subtotalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"merchandise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CartFieldsFragment, unknown>;
export const ProductPageDocument = {"__meta__":{"hash":"sha256:10c2a9a50da5ce369ce626969b6c9838fa45fe9b84673e7830ccb2b4b5a339b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"handle"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"handle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"handle"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minVariantPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"availableForSale"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductPageQuery, ProductPageQueryVariables>;
export const CartCreateDocument = {"__meta__":{"hash":"sha256:65276f36767f3318abe5a451a0b03f263b3c4e7d96cb8a40334483acf3cf4dcc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CartCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lines"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CartLineInput"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cartCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"lines"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lines"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cart"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CartFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CartFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cart"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subtotalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"merchandise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CartCreateMutation, CartCreateMutationVariables>;
export const CartLinesAddDocument = {"__meta__":{"hash":"sha256:310d4ca49ef0a8c99f7dc13833cbbc97c5c2a9fd2b5984d29195c33a6d7c93fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CartLinesAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cartId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lines"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CartLineInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cartLinesAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cartId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cartId"}}},{"kind":"Argument","name":{"kind":"Name","value":"lines"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lines"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cart"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CartFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CartFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cart"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subtotalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"merchandise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CartLinesAddMutation, CartLinesAddMutationVariables>;