/**
 * Paged queries for incremental sync: each takes `$first`, `$after` and a search `$query`
 * (`updated_at:>'…'`), sorts by UPDATED_AT where Shopify offers it, and returns `nodes` + `pageInfo`.
 * Nested lists are capped by `first` (a normal query, unlike a bulk query, must bound every list).
 */

export const PRODUCTS_UPDATED_QUERY = /* GraphQL */ `query ProductsUpdated($first: Int!, $after: String, $query: String) {
  products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      id title handle status vendor productType tags descriptionHtml createdAt updatedAt
      variants(first: 100) {
        nodes {
          id title sku barcode price compareAtPrice position inventoryQuantity createdAt updatedAt
          selectedOptions { name value }
          inventoryItem { id }
        }
      }
      collections(first: 25) { nodes { id title handle updatedAt } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const CUSTOMERS_UPDATED_QUERY = /* GraphQL */ `query CustomersUpdated($first: Int!, $after: String, $query: String) {
  customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      id firstName lastName displayName state tags numberOfOrders createdAt updatedAt
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
      amountSpent { amount currencyCode }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ORDERS_UPDATED_QUERY = /* GraphQL */ `query OrdersUpdated($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      id name email createdAt updatedAt processedAt cancelledAt
      displayFinancialStatus displayFulfillmentStatus currencyCode
      customer { id }
      totalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 100) {
        nodes {
          id title sku quantity
          variant { id }
          product { id }
          originalUnitPriceSet { shopMoney { amount currencyCode } }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Inventory changes surface on the inventory item (`inventoryItems` has no sortKey argument). */
export const INVENTORY_ITEMS_UPDATED_QUERY = /* GraphQL */ `query InventoryItemsUpdated($first: Int!, $after: String, $query: String) {
  inventoryItems(first: $first, after: $after, query: $query) {
    nodes {
      id sku tracked updatedAt
      inventoryLevels(first: 50) {
        nodes {
          id updatedAt
          location { id }
          quantities(names: ["available", "on_hand", "committed"]) { name quantity }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const INCREMENTAL_QUERIES = {
  products: { root: 'products', query: PRODUCTS_UPDATED_QUERY },
  customers: { root: 'customers', query: CUSTOMERS_UPDATED_QUERY },
  orders: { root: 'orders', query: ORDERS_UPDATED_QUERY },
  inventoryItems: { root: 'inventoryItems', query: INVENTORY_ITEMS_UPDATED_QUERY },
} as const;

export type IncrementalResource = keyof typeof INCREMENTAL_QUERIES;
