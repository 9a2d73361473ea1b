import {
  CUSTOMER_FIELDS,
  INVENTORY_LEVEL_FIELDS,
  LINE_ITEM_FIELDS,
  ORDER_FIELDS,
  PRODUCT_FIELDS,
  VARIANT_FIELDS,
} from './resource-fields';

/**
 * Bulk query documents for a full sync, in Shopify Admin API field names (2025-04 and later).
 * Bulk queries take no `first`: Shopify walks every connection and writes one JSONL line per node,
 * nested connection nodes on their own lines with `__parentId` set to their parent's id. Limits:
 * at most five connections, nested at most two levels deep.
 */

const METAFIELDS = /* GraphQL */ `
  metafields {
    edges {
      node {
        id
        namespace
        key
        type
        value
        updatedAt
      }
    }
  }
`;

/**
 * Products; their variants, collections and metafields arrive as child lines (`__parentId` = product
 * id), the variants' metafields as grandchildren (`__parentId` = variant id): five connections, two deep.
 */
export const PRODUCTS_BULK_QUERY = /* GraphQL */ `
  {
    products {
      edges {
        node {
          ${PRODUCT_FIELDS}
          ${METAFIELDS}
          variants {
            edges {
              node {
                ${VARIANT_FIELDS}
                ${METAFIELDS}
              }
            }
          }
          collections {
            edges {
              node {
                id
                title
                handle
                updatedAt
              }
            }
          }
        }
      }
    }
  }
`;

/** Locations; their inventory levels arrive as child lines (`__parentId` = location id). */
export const INVENTORY_BULK_QUERY = /* GraphQL */ `
  {
    locations {
      edges {
        node {
          id
          name
          isActive
          createdAt
          updatedAt
          address {
            address1
            city
            provinceCode
            countryCode
            zip
          }
          inventoryLevels {
            edges {
              node {
                ${INVENTORY_LEVEL_FIELDS}
                item {
                  id
                  sku
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const CUSTOMERS_BULK_QUERY = /* GraphQL */ `
  {
    customers {
      edges {
        node {
          ${CUSTOMER_FIELDS}
        }
      }
    }
  }
`;

/** Orders; their line items arrive as child lines (`__parentId` = order id). */
export const ORDERS_BULK_QUERY = /* GraphQL */ `
  {
    orders {
      edges {
        node {
          ${ORDER_FIELDS}
          subtotalPriceSet { shopMoney { amount currencyCode } }
          totalTaxSet { shopMoney { amount currencyCode } }
          lineItems {
            edges {
              node {
                ${LINE_ITEM_FIELDS}
                discountedTotalSet { shopMoney { amount currencyCode } }
              }
            }
          }
        }
      }
    }
  }
`;

export const BULK_QUERIES = {
  products: PRODUCTS_BULK_QUERY,
  inventory: INVENTORY_BULK_QUERY,
  customers: CUSTOMERS_BULK_QUERY,
  orders: ORDERS_BULK_QUERY,
} as const;

export type BulkResource = keyof typeof BULK_QUERIES;
