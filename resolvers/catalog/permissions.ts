import { hasScope, publicRead } from '../../src/sdk/graphql';

const writeProducts = hasScope('write_products');

/** Reads: storefront callers (published rows) or staff with read_products (all rows). Writes: write_products. */
export const permissions = {
  Query: {
    products: publicRead('read_products'),
    product: publicRead('read_products'),
    collections: publicRead('read_products'),
    collection: publicRead('read_products'),
    collectionByHandle: publicRead('read_products'),
    search: publicRead('read_products'),
    predictiveSearch: publicRead('read_products'),
  },
  Mutation: Object.fromEntries(
    [
      'productCreate',
      'productUpdate',
      'productDelete',
      'productVariantCreate',
      'productVariantUpdate',
      'productVariantDelete',
      'productOptionsCreate',
      'productOptionUpdate',
      'productOptionsDelete',
      'collectionCreate',
      'collectionUpdate',
      'collectionDelete',
      'collectionAddProducts',
      'collectionRemoveProducts',
    ].map((field) => [field, writeProducts]),
  ),
};
