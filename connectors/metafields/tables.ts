import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The kinds of record a metafield can belong to (the MetafieldOwnerType enum). */
export const OWNER_TYPES = ['PRODUCT', 'PRODUCTVARIANT', 'COLLECTION', 'CUSTOMER', 'ORDER'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export type StorefrontAccess = 'NONE' | 'PUBLIC_READ';

/** One rule of a definition: `min`, `max`, `regex` or `choices` (a JSON array of strings). */
export interface Validation {
  name: string;
  value: string;
}

export interface MetafieldDefinitionsTable {
  id: Generated<string>;
  tenant_id: string;
  owner_type: OwnerType;
  namespace: string;
  key: string;
  name: string;
  description: string | null;
  type: string;
  validations: ColumnType<Validation[], string | undefined, string>;
  storefront_access: ColumnType<StorefrontAccess, StorefrontAccess | undefined, StorefrontAccess>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MetafieldsTable {
  id: Generated<string>;
  tenant_id: string;
  owner_type: OwnerType;
  owner_id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MetafieldTables {
  metafield_definitions: MetafieldDefinitionsTable;
  metafields: MetafieldsTable;
}

export type DefinitionRow = Selectable<MetafieldDefinitionsTable>;

/** A value as resolvers get it: its row, and whether a definition shows it to storefronts. */
export type MetafieldRow = Selectable<MetafieldsTable> & {
  definition_id: string | null;
  storefront_visible: boolean;
};
