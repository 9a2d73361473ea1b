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

export type CartBuyerIdentityInput = {
  /** ISO 3166-1 alpha-2, e.g. US. */
  countryCode?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** Why a discount code on a cart does not apply. */
export type CartDiscountCodeReason =
  /** Once per customer, and the cart's buyer (by email) already used it. */
  | 'ALREADY_USED'
  /** The cart is below its minimum subtotal or quantity. */
  | 'MINIMUM_NOT_MET'
  /** Deactivated, not started yet, or ended. */
  | 'NOT_ACTIVE'
  /** It does not combine with a discount already applied. */
  | 'NOT_COMBINABLE'
  /** No discount has this code. */
  | 'NOT_FOUND'
  /** No line is one of its products or collections. */
  | 'NO_ENTITLED_LINES'
  /** Its total usage limit is reached. */
  | 'USAGE_LIMIT_REACHED';

export type CartInput = {
  buyerIdentity?: InputMaybe<CartBuyerIdentityInput>;
  lines?: InputMaybe<Array<CartLineInput>>;
  note?: InputMaybe<Scalars['String']['input']>;
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

export type CartStatus =
  | 'ACTIVE'
  /** Checked out: the cart became an order and can no longer change. */
  | 'COMPLETED';

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

export type CustomerAccessTokenCreateInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type CustomerActivateInput = {
  /** The token of the verification link. */
  activationToken: Scalars['String']['input'];
  /** Optional: sets the password too (required for a customer who has none yet). */
  password?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerFilter = {
  createdAtMax?: InputMaybe<Scalars['DateTime']['input']>;
  createdAtMin?: InputMaybe<Scalars['DateTime']['input']>;
  /** Matches email, first or last name (substring, case-insensitive; % and _ match literally). */
  query?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerInput = {
  /** Sign-up on a storefront only. */
  acceptsMarketing?: InputMaybe<Scalars['Boolean']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Sign-up on a storefront only: at least 8 characters, not one of the commonest passwords. */
  password?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerResetInput = {
  password: Scalars['String']['input'];
  /** The token of the reset link. */
  resetToken: Scalars['String']['input'];
};

export type CustomerSortKeys =
  | 'CREATED_AT'
  | 'ID'
  /** Last name, first name, then email. */
  | 'NAME'
  | 'UPDATED_AT';

/** A shopper's changes to their own account (storefront customerUpdate). */
export type CustomerUpdateInput = {
  acceptsMarketing?: InputMaybe<Scalars['Boolean']['input']>;
  /** The account's present password, required to change the email or the password. */
  currentPassword?: InputMaybe<Scalars['String']['input']>;
  /** A new email: needs currentPassword; the new address must be verified again. */
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** A new password: needs currentPassword; every other access token is revoked and a new one answered. */
  password?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type DiscountInput = {
  /** Letters, digits, dashes and underscores; omit for an automatic discount (only on create). */
  code?: InputMaybe<Scalars['String']['input']>;
  collectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  combinesWithOthers?: InputMaybe<Scalars['Boolean']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  kind?: InputMaybe<DiscountKind>;
  minimumQuantity?: InputMaybe<Scalars['Int']['input']>;
  minimumSubtotal?: InputMaybe<Scalars['Decimal']['input']>;
  oncePerCustomer?: InputMaybe<Scalars['Boolean']['input']>;
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  usageLimit?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<Scalars['Decimal']['input']>;
};

export type DiscountKind =
  /** value is an amount off the entitled lines together. */
  | 'FIXED_AMOUNT'
  /** Takes the price of shipping off. */
  | 'FREE_SHIPPING'
  /** value is a percentage of the entitled lines. */
  | 'PERCENTAGE';

export type DiscountStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  /** Deactivated, or its usage limit is reached. */
  | 'INACTIVE'
  | 'SCHEDULED';

/** How a facet's values are chosen. */
export type FilterType =
  | 'BOOLEAN'
  | 'LIST'
  | 'PRICE_RANGE';

export type FulfillmentLineInput = {
  lineItemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type FulfillmentStatus =
  | 'CANCELLED'
  | 'SUCCESS';

export type FulfillmentTrackingInput = {
  company?: InputMaybe<Scalars['String']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['URL']['input']>;
};

/** A namespace and key to read. */
export type HasMetafieldsIdentifier = {
  key: Scalars['String']['input'];
  /** Defaults to `custom`. */
  namespace?: InputMaybe<Scalars['String']['input']>;
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

export type InventorySetInput = {
  locationId: Scalars['ID']['input'];
  /** The new number of available units (zero or more). */
  quantity: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  variantId: Scalars['ID']['input'];
};

export type LocationAddInput = {
  name: Scalars['String']['input'];
};

export type MailingAddressInput = {
  address1?: InputMaybe<Scalars['String']['input']>;
  address2?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2, e.g. US. */
  country?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  province?: InputMaybe<Scalars['String']['input']>;
  zip?: InputMaybe<Scalars['String']['input']>;
};

export type MetafieldAccessInput = {
  storefront?: InputMaybe<MetafieldStorefrontAccess>;
};

export type MetafieldDefinitionInput = {
  access?: InputMaybe<MetafieldAccessInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** 2 to 64 letters, digits, `_` or `-`. */
  key: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** 2 to 64 letters, digits, `_` or `-`; defaults to `custom`. */
  namespace?: InputMaybe<Scalars['String']['input']>;
  ownerType: MetafieldOwnerType;
  /** One of the value types (see MetafieldDefinition.type). */
  type: Scalars['String']['input'];
  validations?: InputMaybe<Array<MetafieldDefinitionValidationInput>>;
};

/** The fields of a definition that may change (its owner type, namespace, key and type may not). */
export type MetafieldDefinitionUpdateInput = {
  access?: InputMaybe<MetafieldAccessInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the validations; values already stored are not checked again. */
  validations?: InputMaybe<Array<MetafieldDefinitionValidationInput>>;
};

export type MetafieldDefinitionValidationInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type MetafieldIdentifierInput = {
  key: Scalars['String']['input'];
  /** Defaults to `custom`. */
  namespace?: InputMaybe<Scalars['String']['input']>;
  ownerId: Scalars['ID']['input'];
};

/** The kinds of record that carry metafields. */
export type MetafieldOwnerType =
  | 'COLLECTION'
  | 'CUSTOMER'
  | 'ORDER'
  | 'PRODUCT'
  | 'PRODUCTVARIANT';

/** Whether storefronts read a definition's values. */
export type MetafieldStorefrontAccess =
  /** Staff only (the default). */
  | 'NONE'
  /** Storefront tokens read the values too. */
  | 'PUBLIC_READ';

export type MetafieldsSetInput = {
  key: Scalars['String']['input'];
  /** Defaults to `custom`. */
  namespace?: InputMaybe<Scalars['String']['input']>;
  /** The product, variant, collection, customer or order. */
  ownerId: Scalars['ID']['input'];
  /** Required without a definition; with one, it may be left out and must otherwise be the definition's. */
  type?: InputMaybe<Scalars['String']['input']>;
  value: Scalars['String']['input'];
};

export type OrderCancelReason =
  | 'CUSTOMER'
  | 'DECLINED'
  | 'FRAUD'
  | 'INVENTORY'
  | 'OTHER'
  /** The order was not paid within the shop's payment window; its stock was released. */
  | 'PAYMENT_TIMEOUT'
  | 'STAFF';

/** Whether the order's units have shipped: refunded units are no longer owed. */
export type OrderDisplayFulfillmentStatus =
  | 'FULFILLED'
  | 'PARTIALLY_FULFILLED'
  | 'UNFULFILLED';

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
  | 'AUTHORIZED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED'
  | 'VOIDED';

export type OrderFulfillmentStatus =
  | 'FULFILLED'
  | 'PARTIALLY_FULFILLED'
  | 'UNFULFILLED';

export type OrderSortKeys =
  | 'CREATED_AT'
  | 'ID'
  | 'TOTAL_PRICE'
  | 'UPDATED_AT';

export type OrderStatus =
  | 'CANCELLED'
  | 'OPEN';

export type OrderTransactionKind =
  | 'AUTHORIZATION'
  | 'CAPTURE'
  | 'REFUND'
  | 'SALE'
  | 'VOID';

export type OrderTransactionStatus =
  | 'FAILURE'
  | 'PENDING'
  | 'SUCCESS';

export type PluginState =
  | 'ACTIVE'
  | 'QUARANTINED';

/** Inclusive bounds on a variant's price; either may be omitted. */
export type PriceRangeFilter = {
  max?: InputMaybe<Scalars['Decimal']['input']>;
  min?: InputMaybe<Scalars['Decimal']['input']>;
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

export type ProductDeleteInput = {
  id: Scalars['ID']['input'];
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
  /** Products with an option of this name having this value. */
  variantOption?: InputMaybe<VariantOptionFilter>;
  vendor?: InputMaybe<Scalars['String']['input']>;
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

export type ProductVariantCreateInput = {
  compareAtPrice?: InputMaybe<Scalars['Decimal']['input']>;
  optionValues?: InputMaybe<Array<Scalars['String']['input']>>;
  price: Scalars['Decimal']['input'];
  productId: Scalars['ID']['input'];
  requiresShipping?: InputMaybe<Scalars['Boolean']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  weight?: InputMaybe<WeightInput>;
};

export type ProductVariantFields = {
  compareAtPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Values of the product's options, in option order. */
  optionValues?: InputMaybe<Array<Scalars['String']['input']>>;
  price?: InputMaybe<Scalars['Decimal']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ProductVariantUpdateInput = {
  compareAtPrice?: InputMaybe<Scalars['Decimal']['input']>;
  id: Scalars['ID']['input'];
  optionValues?: InputMaybe<Array<Scalars['String']['input']>>;
  position?: InputMaybe<Scalars['Int']['input']>;
  price?: InputMaybe<Scalars['Decimal']['input']>;
  requiresShipping?: InputMaybe<Scalars['Boolean']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  weight?: InputMaybe<WeightInput>;
};

export type RefundLineInput = {
  lineItemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** How search results are ordered; `reverse` flips it. */
export type SearchSortKeys =
  /** Lowest price first. */
  | 'PRICE'
  /** Best matches first (title above vendor, type and tags, above description); ties in a stable order. */
  | 'RELEVANCE';

export type ShippingRateInput = {
  freeAbove?: InputMaybe<Scalars['Decimal']['input']>;
  /** Letters, digits and dashes, unique within the zone. */
  handle: Scalars['String']['input'];
  kind?: InputMaybe<ShippingRateKind>;
  maxDeliveryDays?: InputMaybe<Scalars['Int']['input']>;
  maxSubtotal?: InputMaybe<Scalars['Decimal']['input']>;
  maxWeightGrams?: InputMaybe<Scalars['Int']['input']>;
  minDeliveryDays?: InputMaybe<Scalars['Int']['input']>;
  minSubtotal?: InputMaybe<Scalars['Decimal']['input']>;
  minWeightGrams?: InputMaybe<Scalars['Int']['input']>;
  price: Scalars['Decimal']['input'];
  title: Scalars['String']['input'];
};

export type ShippingRateKind =
  /** One price for every cart. */
  | 'FLAT'
  /** Offered when the cart's subtotal is in [minSubtotal, maxSubtotal). */
  | 'SUBTOTAL'
  /** Offered when the cart's weight is in [minWeightGrams, maxWeightGrams). */
  | 'WEIGHT';

export type ShippingZoneInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces all the zone's rates when given. */
  rates?: InputMaybe<Array<ShippingRateInput>>;
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ShopifyConnectionStatus =
  | 'ACTIVE'
  /** The app was uninstalled from the shop: syncing stopped. */
  | 'UNINSTALLED';

export type ShopifySyncMode =
  | 'FULL'
  | 'INCREMENTAL';

export type ShopifySyncStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type TaxRateInput = {
  appliesToShipping?: InputMaybe<Scalars['Boolean']['input']>;
  countryCode?: InputMaybe<Scalars['String']['input']>;
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  ratePercentage?: InputMaybe<Scalars['Decimal']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type TenantState =
  | 'ACTIVE'
  | 'DISABLED';

export type UserErrorCode =
  | 'ALREADY_CANCELLED'
  | 'ALREADY_COMPLETED'
  | 'ALREADY_FULFILLED'
  | 'AMOUNT_TOO_LARGE'
  | 'BLANK'
  /** A cart without lines cannot be checked out. */
  | 'CART_EMPTY'
  /** The cart needs a delivery address and a delivery option before checkout. */
  | 'DELIVERY_REQUIRED'
  /** The shop does not deliver to the address, or the option is not offered for this cart. */
  | 'DELIVERY_UNAVAILABLE'
  /** A discount code no longer applies (its limit was reached, or it was used by this customer). */
  | 'DISCOUNT_NOT_APPLICABLE'
  /** The password is right but the shop signs in verified emails only: follow the verification link first. */
  | 'EMAIL_NOT_VERIFIED'
  | 'INVALID'
  /** A number is below its minimum. */
  | 'LESS_THAN'
  | 'LESS_THAN_ZERO'
  /** The record is managed by another system of record (a connected shop); the message names it. */
  | 'MANAGED_EXTERNALLY'
  /** A quantity or a list is over its maximum. */
  | 'MAXIMUM_EXCEEDED'
  | 'NOT_ALLOWED'
  | 'NOT_ENOUGH_STOCK'
  | 'NOT_FOUND'
  /** A password is among the commonest breached passwords. */
  | 'PASSWORD_TOO_COMMON'
  | 'PAYMENT_DECLINED'
  | 'PAYMENT_REQUIRES_ACTION'
  | 'PROVIDER_UNAVAILABLE'
  /** More units than a line has left to ship (or, for a cancellation, than it shipped). */
  | 'QUANTITY_TOO_LARGE'
  | 'TAKEN'
  /** The customer access token is unknown, expired or revoked. */
  | 'TOKEN_INVALID'
  | 'TOO_LONG'
  /** A money amount has more decimals than the currency's minor unit (JPY 0, EUR 2, KWD 3). */
  | 'TOO_MANY_DECIMALS'
  /** A password is shorter than the minimum. */
  | 'TOO_SHORT'
  /** Email and password do not name an account (the same answer for either being wrong). */
  | 'UNIDENTIFIED_CUSTOMER';

/** A product option value to filter on, such as Color: Blue. */
export type VariantOptionFilter = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type WebhookDeliveryStatus =
  /** Every attempt failed: kept for inspection and an admin's retry. */
  | 'DEAD'
  | 'DELIVERED'
  /** Waiting for its first attempt. */
  | 'PENDING'
  /** An attempt failed; another follows after a backoff. */
  | 'RETRYING';

export type WebhookSubscriptionFormat =
  | 'JSON';

export type WebhookSubscriptionInput = {
  /** An https URL on a public address. */
  callbackUrl: Scalars['URL']['input'];
  format?: InputMaybe<WebhookSubscriptionFormat>;
};

export type WebhookSubscriptionStatus =
  | 'ACTIVE'
  /** Its deliveries failed for days: nothing is sent until it is updated. */
  | 'DISABLED';

/** What a webhook subscription listens to: the events of the shop's orders, products, stock and customers. */
export type WebhookSubscriptionTopic =
  | 'CUSTOMERS_CREATE'
  | 'CUSTOMERS_UPDATE'
  | 'INVENTORY_LEVELS_UPDATE'
  | 'ORDERS_CANCELLED'
  | 'ORDERS_CREATE'
  | 'ORDERS_FULFILLED'
  | 'ORDERS_PAID'
  | 'PRODUCTS_CREATE'
  | 'PRODUCTS_DELETE'
  | 'PRODUCTS_UPDATE'
  | 'REFUNDS_CREATE';

export type WeightInput = {
  unit: WeightUnit;
  /** At least 0, up to 3 fraction digits. */
  value: Scalars['Decimal']['input'];
};

export type WeightUnit =
  | 'GRAMS'
  | 'KILOGRAMS'
  | 'OUNCES'
  | 'POUNDS';

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