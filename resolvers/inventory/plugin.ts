import { definePlugin, schemaFragment } from '../../src/sdk';
import { INVENTORY_EVENTS } from '../../connectors/inventory/stock';
import { createInventoryLoaders } from '../../connectors/inventory/loaders';
import { migrations } from '../../connectors/inventory/migrations';
import { seedInventory } from '../../connectors/inventory/seed';
import { inventoryResolvers } from './inventory.resolvers';
import { inventoryMutations } from './mutations';
import { permissions, readInventory } from './permissions';
import { columns } from './columns';

/** Locations, stock per variant and location, adjustments with history, safe under concurrency. */
export const plugin = definePlugin({
  name: 'inventory',
  version: '1.0.0',
  dependsOn: ['core', 'catalog'],
  typeDefs: schemaFragment('inventory'),
  resolvers: { ...inventoryResolvers, Mutation: inventoryMutations },
  permissions,
  costs: {
    'Query.locations': { multipliers: ['first', 'last'], defaultSize: 50 },
    'Query.inventoryAdjustments': { multipliers: ['first', 'last'], defaultSize: 50 },
    // One level per location: a handful.
    'ProductVariant.inventoryLevels': { defaultSize: 5 },
  },
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    Location: 'connectors/inventory/tables#LocationRow',
    InventoryLevel: 'connectors/inventory/tables#InventoryLevelRow',
    InventoryAdjustment: 'connectors/inventory/tables#AdjustmentRow',
    LocationConnection: 'CountedConnection<LocationRow>',
  },
  columns,
  createLoaders: createInventoryLoaders,
  scopes: ['read_inventory', 'write_inventory'],
  events: INVENTORY_EVENTS,
  migrations,
  seed: seedInventory,
  nodes: {
    Location: { load: (ctx, id) => ctx.loaders.locationById.load(id), visibleTo: readInventory },
    InventoryAdjustment: { load: (ctx, id) => ctx.loaders.adjustmentById.load(id), visibleTo: readInventory },
  },
});
