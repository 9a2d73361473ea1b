import type DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import { rowsById, rowsByParent } from '../../src/sdk/db';
import type { AdjustmentRow, InventoryLevelRow, LocationRow } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    inventoryLevelsByVariant: DataLoader<string, InventoryLevelRow[]>;
    locationById: DataLoader<string, LocationRow | null>;
    adjustmentById: DataLoader<string, AdjustmentRow | null>;
  }
}

/** One `= any($1)` statement per batch, filtered by tenant as well as by RLS. */
export function createInventoryLoaders(ctx: LoaderContext) {
  return {
    inventoryLevelsByVariant: rowsByParent<InventoryLevelRow>(ctx, 'inventory_levels', 'InventoryLevel', 'variant_id', [
      'location_id',
    ]),
    locationById: rowsById<LocationRow>(ctx, 'locations', 'Location'),
    adjustmentById: rowsById<AdjustmentRow>(ctx, 'inventory_adjustments', 'InventoryAdjustment'),
  };
}
