import type { ColumnNeeds } from '../../src/sdk';
import { adjustmentsTable, inventoryLevelsTable, locationsTable } from '../../connectors/inventory/tables';

/** The columns the inventory plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  Location: { table: locationsTable, always: ['id', 'tenant_id'] },
  InventoryLevel: {
    table: inventoryLevelsTable,
    always: ['tenant_id', 'variant_id', 'location_id'],
  },
  InventoryAdjustment: {
    table: adjustmentsTable,
    always: ['id', 'tenant_id'],
    fields: { variant: ['variant_id'], location: ['location_id'] },
  },
  ProductVariant: { fields: { quantityAvailable: ['inventory_quantity'] } },
};
