import { access } from '../../src/sdk/graphql';
import { readCatalog } from './visibility';

const writeProducts = access.scope('write_products').rule;

/** Reads: storefront callers (published rows) or staff with read_products (all rows). Writes: write_products. */
export const permissions = {
  Query: {
    products: readCatalog.rule,
    product: readCatalog.rule,
    collections: readCatalog.rule,
    collection: readCatalog.rule,
    collectionByHandle: readCatalog.rule,
    search: readCatalog.rule,
    predictiveSearch: readCatalog.rule,
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
