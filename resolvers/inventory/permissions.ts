import { hasScope } from '../../src/sdk/graphql';

const readInventory = hasScope('read_inventory');
const writeInventory = hasScope('write_inventory');

/** Stock is staff data: read_inventory to read it, write_inventory to change it. */
export const permissions = {
  Query: {
    locations: readInventory,
    inventoryAdjustments: readInventory,
  },
  Mutation: {
    locationAdd: writeInventory,
    inventoryAdjust: writeInventory,
    inventorySet: writeInventory,
  },
  // Per-location stock is not for the storefront (it sees quantityAvailable, the total).
  ProductVariant: {
    inventoryLevels: readInventory,
  },
};
