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
    fields: { priceRange: ['min_price', 'max_price'] },
  },
  ProductVariant: {
    table: variantsTable,
    // Product.availableForSale reads its variants' stock whatever the variants' own selection.
    always: [...childOfProduct, 'inventory_quantity'],
    fields: { selectedOptions: ['option_values'] },
  },
  ProductOption: { table: optionsTable, always: childOfProduct },
  Image: { table: imagesTable, always: childOfProduct },
  Collection: {
    table: collectionsTable,
    // Storefront visibility (visibleCollection).
    always: ['id', 'tenant_id', 'published_at'],
  },
};
