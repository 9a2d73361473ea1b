import type { ColumnNeeds, TypeColumnNeeds } from '../../src/sdk';
import { SOURCED_COLUMNS } from '../../connectors/shopify/tables';

/** `shopifyId` and `shopifyAdminUrl` read the row's gid, a column this plugin adds to the retail tables. */
const sourced = (extra: readonly string[] = []): TypeColumnNeeds => ({
  addsColumns: SOURCED_COLUMNS,
  fields: { shopifyId: ['external_id'], shopifyAdminUrl: ['external_id', ...extra] },
});

export const columns: ColumnNeeds = {
  Product: sourced(),
  // A variant's admin URL names its product's gid too.
  ProductVariant: sourced(['product_id']),
  Order: sourced(),
  Customer: sourced(),
};
