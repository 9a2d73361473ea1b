import type { ColumnNeeds } from '../../src/sdk';

/** The owner fields read only the owner row's id (the metafields come from this plugin's loader). */
const byId = { fields: { metafield: ['id'], metafields: ['id'] } };

export const columns: ColumnNeeds = {
  Product: byId,
  ProductVariant: byId,
  Collection: byId,
  Customer: byId,
  Order: byId,
};
