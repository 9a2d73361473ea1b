import { hasScope } from '../../src/sdk/graphql';

const ids = (scope: string) => ({ shopifyId: hasScope(scope), shopifyAdminUrl: hasScope(scope) });

/** The connection is gateway administration; starting a sync needs write_shopify; ids follow their type's scope. */
export const permissions = {
  Query: { shopifyConnection: hasScope('read_gateway') },
  Mutation: { shopifySyncStart: hasScope('write_shopify') },
  Product: ids('read_products'),
  ProductVariant: ids('read_products'),
  Order: ids('read_orders'),
  Customer: ids('read_customers'),
};
