import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Inventory tables; variant ids refer to the catalog's product_variants. */
export interface LocationsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  created_at: Timestamp;
}

/** Stock of one variant at one location; `available` never goes below zero (check constraint). */
export interface InventoryLevelsTable {
  tenant_id: string;
  variant_id: string;
  location_id: string;
  available: number;
  updated_at: Timestamp;
}

/** History of stock changes: admin adjustments, checkout reservations, restocks. */
export interface InventoryAdjustmentsTable {
  id: Generated<string>;
  tenant_id: string;
  variant_id: string;
  location_id: string;
  delta: number;
  reason: string;
  quantity_after: number;
  created_at: Timestamp;
}

export interface InventoryTables {
  locations: LocationsTable;
  inventory_levels: InventoryLevelsTable;
  inventory_adjustments: InventoryAdjustmentsTable;
}

export type LocationRow = Selectable<LocationsTable>;
export type InventoryLevelRow = Selectable<InventoryLevelsTable>;
export type AdjustmentRow = Selectable<InventoryAdjustmentsTable>;

/** The tables' columns at run time (column needs), checked against the types above. */
export const locationsTable = tableShape<LocationsTable>('locations', {
  id: true,
  tenant_id: true,
  name: true,
  created_at: true,
});
export const inventoryLevelsTable = tableShape<InventoryLevelsTable>('inventory_levels', {
  tenant_id: true,
  variant_id: true,
  location_id: true,
  available: true,
  updated_at: true,
});
export const adjustmentsTable = tableShape<InventoryAdjustmentsTable>('inventory_adjustments', {
  id: true,
  tenant_id: true,
  variant_id: true,
  location_id: true,
  delta: true,
  reason: true,
  quantity_after: true,
  created_at: true,
});
