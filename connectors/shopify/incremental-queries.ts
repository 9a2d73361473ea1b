import {
  CUSTOMER_FIELDS,
  INVENTORY_LEVEL_FIELDS,
  LINE_ITEM_FIELDS,
  ORDER_FIELDS,
  PRODUCT_FIELDS,
  VARIANT_FIELDS,
} from './resource-fields';

/**
 * Paged queries for incremental sync: each takes `$first`, `$after` and a search `$query`
 * (`updated_at:>'…'`), sorts by UPDATED_AT where Shopify offers it, and returns `nodes` + `pageInfo`.
 *
 * Shopify refuses a query whose requested cost exceeds 1000 points, and nested connections multiply
 * (`first` x nested `first`). So products and variants are separate flat resources, and each resource
 * has a default page size that keeps its cost under the limit. Orders nest line items (there is no
 * top-level line item query): more than 30 show as `lineItems.pageInfo.hasNextPage`; the bulk sync
 * has them all.
 */

/** A product's or variant's metafields: the first 25, as Shopify's own admin shows them. */
const METAFIELDS = /* GraphQL */ `
  metafields(first: 25) {
    nodes {
      namespace
      key
      type
      value
    }
  }
`;

export const PRODUCTS_UPDATED_QUERY = /* GraphQL */ `
  query ProductsUpdated($first: Int!, $after: String, $query: String) {
    products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        ${PRODUCT_FIELDS}
        ${METAFIELDS}
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const PRODUCT_VARIANTS_UPDATED_QUERY = /* GraphQL */ `
  query ProductVariantsUpdated($first: Int!, $after: String, $query: String) {
    productVariants(first: $first, after: $after, query: $query) {
      nodes {
        ${VARIANT_FIELDS}
        ${METAFIELDS}
        product {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const CUSTOMERS_UPDATED_QUERY = /* GraphQL */ `
  query CustomersUpdated($first: Int!, $after: String, $query: String) {
    customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        ${CUSTOMER_FIELDS}
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const ORDERS_UPDATED_QUERY = /* GraphQL */ `
  query OrdersUpdated($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        ${ORDER_FIELDS}
        lineItems(first: 30) {
          nodes {
            ${LINE_ITEM_FIELDS}
          }
          pageInfo {
            hasNextPage
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** Inventory changes surface on the inventory item (`inventoryItems` has no sortKey argument). */
export const INVENTORY_ITEMS_UPDATED_QUERY = /* GraphQL */ `
  query InventoryItemsUpdated($first: Int!, $after: String, $query: String) {
    inventoryItems(first: $first, after: $after, query: $query) {
      nodes {
        id
        sku
        tracked
        updatedAt
        inventoryLevels(first: 10) {
          nodes {
            ${INVENTORY_LEVEL_FIELDS}
            location {
              id
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** Per resource: the root field to read, the document, and a page size that stays under 1000 points. */
export const INCREMENTAL_QUERIES = {
  // 25 metafields a node: 30 nodes stay under the limit.
  products: { root: 'products', query: PRODUCTS_UPDATED_QUERY, pageSize: 30 },
  productVariants: { root: 'productVariants', query: PRODUCT_VARIANTS_UPDATED_QUERY, pageSize: 30 },
  customers: { root: 'customers', query: CUSTOMERS_UPDATED_QUERY, pageSize: 100 },
  orders: { root: 'orders', query: ORDERS_UPDATED_QUERY, pageSize: 5 },
  inventoryItems: { root: 'inventoryItems', query: INVENTORY_ITEMS_UPDATED_QUERY, pageSize: 20 },
} as const;

export type IncrementalResource = keyof typeof INCREMENTAL_QUERIES;
