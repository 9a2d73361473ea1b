import { tableShape, type Connection } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Money = ColumnType<string, string | number, string | number>;

export type ProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED';

/** Catalog tables. Every row carries tenant_id; ids come from one sequence shared by all tenants. */
export interface ProductsTable {
  id: Generated<string>;
  tenant_id: string;
  handle: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  vendor: ColumnType<string, string | undefined, string>;
  product_type: ColumnType<string, string | undefined, string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<ProductStatus, ProductStatus | undefined, ProductStatus>;
  /** Visible to the storefront when ACTIVE and published_at is in the past. */
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Units sold, raised by checkout: the BEST_SELLING sort key. */
  total_sold: ColumnType<number, number | undefined, number>;
  /** Lowest and highest variant price, kept by every variant write (PRICE sort, price filters). */
  min_price: ColumnType<string, string | number | undefined, string | number>;
  max_price: ColumnType<string, string | number | undefined, string | number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductVariantsTable {
  id: Generated<string>;
  tenant_id: string;
  product_id: string;
  title: string;
  sku: string | null;
  price: Money;
  compare_at_price: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  /** Values of the product's options, in option position order. */
  option_values: ColumnType<string[], string[] | undefined, string[]>;
  position: ColumnType<number, number | undefined, number>;
  /** Sum of the variant's inventory levels (kept by the inventory plugin); null when not tracked. */
  inventory_quantity: ColumnType<number | null, never, never>;
  requires_shipping: ColumnType<boolean, boolean | undefined, boolean>;
  /** False for a tax-exempt variant. */
  taxable: ColumnType<boolean, boolean | undefined, boolean>;
  /** The weight in `weight_unit`, a decimal string. */
  weight: ColumnType<string, string | number | undefined, string | number>;
  weight_unit: ColumnType<WeightUnit, WeightUnit | undefined, WeightUnit>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WeightUnit = 'GRAMS' | 'KILOGRAMS' | 'OUNCES' | 'POUNDS';

export interface ProductOptionsTable {
  id: Generated<string>;
  tenant_id: string;
  product_id: string;
  name: string;
  position: number;
  values: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ProductImagesTable {
  id: Generated<string>;
  tenant_id: string;
  product_id: string;
  url: string;
  alt_text: string | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface CollectionsTable {
  id: Generated<string>;
  tenant_id: string;
  handle: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CollectionProductsTable {
  tenant_id: string;
  collection_id: string;
  product_id: string;
  position: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

/**
 * One product's weighted search document and the product's facet data (kept by triggers, 0003_search.ts
 * and 0006_search_facets.ts); written by no plugin code.
 */
export interface ProductSearchTable {
  tenant_id: string;
  product_id: string;
  document: string;
  status: ProductStatus;
  published_at: Date | null;
  vendor: string;
  product_type: string;
  tags: string[];
  min_price: string;
  max_price: string;
  /** Some variant can be bought (stock left, or not tracked). */
  in_stock: boolean;
  /** The distinct variant prices. */
  prices: string[];
  /** Option values as JSON pairs, `["Size", "M"]`. */
  options: string[];
  /** The numbers of its vendor, type, tags and option values in `search_facet_values` (0008_search_facet_ids.ts). */
  facet_ids: string[];
}

/** A tenant's facet values, numbered for counting (`facet`: vendor, productType, tag or option). */
export interface SearchFacetValuesTable {
  tenant_id: string;
  id: string;
  facet: 'vendor' | 'productType' | 'tag' | 'option';
  value: string;
}

export interface CatalogTables {
  products: ProductsTable;
  product_search: ProductSearchTable;
  search_facet_values: SearchFacetValuesTable;
  product_variants: ProductVariantsTable;
  product_options: ProductOptionsTable;
  product_images: ProductImagesTable;
  collections: CollectionsTable;
  collection_products: CollectionProductsTable;
}

export type ProductRow = Selectable<ProductsTable>;
export type VariantRow = Selectable<ProductVariantsTable>;
export type OptionRow = Selectable<ProductOptionsTable>;
export type ImageRow = Selectable<ProductImagesTable>;
export type CollectionRow = Selectable<CollectionsTable>;

/** The tables' columns at run time (column needs), checked against the types above. */
export const productsTable = tableShape<ProductsTable>('products', {
  id: true,
  tenant_id: true,
  handle: true,
  title: true,
  description: true,
  vendor: true,
  product_type: true,
  tags: true,
  status: true,
  published_at: true,
  total_sold: true,
  min_price: true,
  max_price: true,
  created_at: true,
  updated_at: true,
});
export const variantsTable = tableShape<ProductVariantsTable>('product_variants', {
  id: true,
  tenant_id: true,
  product_id: true,
  title: true,
  sku: true,
  price: true,
  compare_at_price: true,
  option_values: true,
  position: true,
  inventory_quantity: true,
  requires_shipping: true,
  taxable: true,
  weight: true,
  weight_unit: true,
  created_at: true,
  updated_at: true,
});
export const optionsTable = tableShape<ProductOptionsTable>('product_options', {
  id: true,
  tenant_id: true,
  product_id: true,
  name: true,
  position: true,
  values: true,
});
export const imagesTable = tableShape<ProductImagesTable>('product_images', {
  id: true,
  tenant_id: true,
  product_id: true,
  url: true,
  alt_text: true,
  position: true,
  created_at: true,
});
export const collectionsTable = tableShape<CollectionsTable>('collections', {
  id: true,
  tenant_id: true,
  handle: true,
  title: true,
  description: true,
  published_at: true,
  created_at: true,
  updated_at: true,
});

/** What `search` returns: a product page whose total and facets share one lazy statement. */
export type SearchConnection = Connection<ProductRow> & {
  totalCount: () => Promise<number>;
  productFilters: () => Promise<FilterShape[]>;
};

/** A facet as the schema's Filter type (built by the resolvers from FacetCounts). */
export interface FilterShape {
  id: string;
  label: string;
  type: 'LIST' | 'PRICE_RANGE' | 'BOOLEAN';
  values: { id: string; label: string; count: number; input: string }[];
}
