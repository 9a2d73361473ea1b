import type { ColumnNeeds } from '../../src/sdk';
import {
  collectionsTable,
  imagesTable,
  optionsTable,
  productsTable,
  variantsTable,
} from '../../connectors/catalog/tables';

/** A child row's product: its visibility decides the child's (node fetchers), and it keys the child loaders. */
const childOfProduct = ['id', 'tenant_id', 'product_id'];

/** The columns the catalog's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  Product: {
    table: productsTable,
    // Storefront visibility (visibleProduct) reads status and published_at wherever a product is loaded.
    always: ['id', 'tenant_id', 'status', 'published_at'],
    fields: {
      priceRange: ['min_price', 'max_price'],
      // Any variant in stock: reads the variants' stock, whatever the query selects of them.
      availableForSale: { own: [], otherTypes: { ProductVariant: ['inventory_quantity'] } },
    },
  },
  ProductVariant: {
    table: variantsTable,
    always: childOfProduct,
    fields: {
      availableForSale: ['inventory_quantity'],
      weight: ['weight', 'weight_unit'],
      // Pairs the variant's option values with its product's options' names (ordered by position in SQL).
      selectedOptions: { own: ['option_values'], otherTypes: { ProductOption: ['name'] } },
    },
  },
  ProductOption: { table: optionsTable, always: childOfProduct },
  Image: { table: imagesTable, always: childOfProduct },
  Collection: {
    table: collectionsTable,
    // Storefront visibility (visibleCollection).
    always: ['id', 'tenant_id', 'published_at'],
  },
};
