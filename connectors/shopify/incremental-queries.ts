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

export const PRODUCTS_UPDATED_QUERY = /* GraphQL */ `
  query ProductsUpdated($first: Int!, $after: String, $query: String) {
    products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
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
        selectedOptions {
          name
          value
        }
        product {
          id
        }
        inventoryItem {
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
        id
        firstName
        lastName
        displayName
        state
        tags
        numberOfOrders
        createdAt
        updatedAt
        defaultEmailAddress {
          emailAddress
        }
        defaultPhoneNumber {
          phoneNumber
        }
        amountSpent {
          amount
          currencyCode
        }
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
        customer {
          id
        }
        totalPriceSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        lineItems(first: 30) {
          nodes {
            id
            title
            sku
            quantity
            variant {
              id
            }
            product {
              id
            }
            originalUnitPriceSet {
              shopMoney {
                amount
                currencyCode
              }
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
            id
            updatedAt
            location {
              id
            }
            quantities(names: ["available", "on_hand", "committed"]) {
              name
              quantity
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
  products: { root: 'products', query: PRODUCTS_UPDATED_QUERY, pageSize: 100 },
  productVariants: { root: 'productVariants', query: PRODUCT_VARIANTS_UPDATED_QUERY, pageSize: 100 },
  customers: { root: 'customers', query: CUSTOMERS_UPDATED_QUERY, pageSize: 100 },
  orders: { root: 'orders', query: ORDERS_UPDATED_QUERY, pageSize: 5 },
  inventoryItems: { root: 'inventoryItems', query: INVENTORY_ITEMS_UPDATED_QUERY, pageSize: 20 },
} as const;

export type IncrementalResource = keyof typeof INCREMENTAL_QUERIES;
