import DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import type { AdjustmentRow, InventoryLevelRow, InventoryTables, LocationRow } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    inventoryLevelsByVariant: DataLoader<string, InventoryLevelRow[]>;
    locationById: DataLoader<string, LocationRow | null>;
    adjustmentById: DataLoader<string, AdjustmentRow | null>;
  }
}

/** One `= any($1)` statement per batch, filtered by tenant as well as by RLS. */
export function createInventoryLoaders({ db }: LoaderContext) {
  return {
    inventoryLevelsByVariant: new DataLoader<string, InventoryLevelRow[]>(async (variantIds) => {
      const conn = await db.get<InventoryTables>();
      const rows = await conn
        .selectFrom('inventory_levels')
        .select(['tenant_id', 'variant_id', 'location_id', 'available', 'updated_at'])
        .where('tenant_id', '=', db.tenantId)
        .where('variant_id', '=', (eb) => eb.fn.any(eb.val([...variantIds])))
        .orderBy('location_id')
        .execute();
      const groups = new Map<string, InventoryLevelRow[]>(variantIds.map((id) => [id, []]));
      for (const row of rows) groups.get(row.variant_id)?.push(row);
      return variantIds.map((id) => groups.get(id) ?? []);
    }),
    locationById: new DataLoader<string, LocationRow | null>(async (ids) => {
      const conn = await db.get<InventoryTables>();
      const rows = await conn
        .selectFrom('locations')
        .selectAll()
        .where('tenant_id', '=', db.tenantId)
        .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
        .execute();
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    adjustmentById: new DataLoader<string, AdjustmentRow | null>(async (ids) => {
      const conn = await db.get<InventoryTables>();
      const rows = await conn
        .selectFrom('inventory_adjustments')
        .selectAll()
        .where('tenant_id', '=', db.tenantId)
        .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
        .execute();
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
