/**
 * The Admin GraphQL fields read of each resource, shared by the bulk (full sync) and the paged
 * (incremental sync) queries, so both paths hand map-graphql.ts the same nodes. Each is a list of
 * selections, interpolated into a `{ … }` of its type; connections stay in the queries, as bulk
 * and paged queries shape them differently (`edges { node }` vs `first` + `nodes`).
 */

export const PRODUCT_FIELDS = `
  id
  title
  handle
  status
  vendor
  productType
  tags
  descriptionHtml
  createdAt
  updatedAt
`;

export const VARIANT_FIELDS = `
  id
  title
  sku
  barcode
  price
  compareAtPrice
  position
  inventoryQuantity
  createdAt
  updatedAt
  selectedOptions { name value }
  inventoryItem { id }
`;

export const CUSTOMER_FIELDS = `
  id
  firstName
  lastName
  displayName
  state
  tags
  numberOfOrders
  createdAt
  updatedAt
  defaultEmailAddress { emailAddress }
  defaultPhoneNumber { phoneNumber }
  amountSpent { amount currencyCode }
`;

/** An order's own fields (the bulk query reads its subtotal and tax too). */
export const ORDER_FIELDS = `
  id
  name
  email
  createdAt
  updatedAt
  processedAt
  cancelledAt
  displayFinancialStatus
  displayFulfillmentStatus
  currencyCode
  customer { id }
  totalPriceSet { shopMoney { amount currencyCode } }
  customAttributes { key value }
`;

/** A line item's fields (the bulk query reads its discounted total too). */
export const LINE_ITEM_FIELDS = `
  id
  title
  sku
  quantity
  variant { id }
  product { id }
  originalUnitPriceSet { shopMoney { amount currencyCode } }
`;

/** An inventory level's own fields; its item or location is named by the query that reaches it. */
export const INVENTORY_LEVEL_FIELDS = `
  id
  updatedAt
  quantities(names: ["available", "on_hand", "committed"]) { name quantity }
`;
