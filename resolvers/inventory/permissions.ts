import { access } from '../../src/sdk/graphql';

/** Who reads stock data: the rule of the root queries and the visibility of `node(id:)` alike. */
export const readInventory = access.scope('read_inventory');
const writeInventory = access.scope('write_inventory').rule;

/** Stock is staff data: read_inventory to read it, write_inventory to change it. */
export const permissions = {
  Query: {
    locations: readInventory.rule,
    inventoryAdjustments: readInventory.rule,
  },
  Mutation: {
    locationAdd: writeInventory,
    inventoryAdjust: writeInventory,
    inventorySet: writeInventory,
  },
  // Per-location stock is not for the storefront (it sees quantityAvailable, the total).
  ProductVariant: {
    inventoryLevels: readInventory.rule,
  },
};
