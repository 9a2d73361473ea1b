import { access, isStorefront, or } from '../../src/sdk/graphql';
import type { Access } from '../../src/sdk/graphql';
import type { OwnerType } from '../../connectors/metafields/tables';

/** The admin scope of each owner type: its values and definitions follow the scope of the records. */
const SCOPE: Record<OwnerType, string> = {
  PRODUCT: 'products',
  PRODUCTVARIANT: 'products',
  COLLECTION: 'products',
  CUSTOMER: 'customers',
  ORDER: 'orders',
};

export const readScope = (t: OwnerType): Access => access.scope(`read_${SCOPE[t]}`);
export const writeScope = (t: OwnerType): Access => access.scope(`write_${SCOPE[t]}`);

const anyRead = access.anyOf(
  access.scope('read_products'),
  access.scope('read_customers'),
  access.scope('read_orders'),
);
const anyWrite = access.anyOf(
  access.scope('write_products'),
  access.scope('write_customers'),
  access.scope('write_orders'),
);

/** Storefronts read products' values (visible ones); staff those of the records their scopes read. */
const onCatalog = {
  metafield: access.publicRead('read_products').rule,
  metafields: access.publicRead('read_products').rule,
};
/** A storefront reaches a customer or an order only as its signed-in shopper (their plugins see to it). */
const onCustomer = {
  metafield: or(access.scope('read_customers').rule, isStorefront),
  metafields: or(access.scope('read_customers').rule, isStorefront),
};
const onOrder = {
  metafield: or(access.scope('read_orders').rule, isStorefront),
  metafields: or(access.scope('read_orders').rule, isStorefront),
};

/**
 * Definitions and writes are staff's: a root rule lets in any of the owner types' scopes, and each
 * resolver checks the scope of the owner type it touches.
 */
export const permissions = {
  Query: { metafieldDefinitions: anyRead.rule },
  Mutation: {
    metafieldDefinitionCreate: anyWrite.rule,
    metafieldDefinitionUpdate: anyWrite.rule,
    metafieldDefinitionDelete: anyWrite.rule,
    metafieldsSet: anyWrite.rule,
    metafieldsDelete: anyWrite.rule,
  },
  Product: onCatalog,
  ProductVariant: onCatalog,
  Collection: onCatalog,
  Customer: onCustomer,
  Order: onOrder,
};
