import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Catalog tables. Every row carries tenant_id; ids come from one sequence shared by all tenants. */
export interface ProductsTable {
  id: Generated<string>;
  tenant_id: string;
  handle: string;
  title: string;
  description: string;
  vendor: string;
  product_type: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<'ACTIVE' | 'DRAFT' | 'ARCHIVED', string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductVariantsTable {
  id: Generated<string>;
  tenant_id: string;
  product_id: string;
  title: string;
  sku: string | null;
  price: ColumnType<string, string | number, string | number>;
  position: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CatalogTables {
  products: ProductsTable;
  product_variants: ProductVariantsTable;
}

export type ProductRow = Selectable<ProductsTable>;
export type VariantRow = Selectable<ProductVariantsTable>;
