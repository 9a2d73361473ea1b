import { hasScope } from '../../src/sdk/graphql';

/** Payments are order writes: the orders plugin's scopes (Shopify's Admin API does the same). */
export const permissions = {
  Mutation: {
    orderMarkAsPaid: hasScope('write_orders'),
    orderCapture: hasScope('write_orders'),
    refundCreate: hasScope('write_orders'),
    fulfillmentCreate: hasScope('write_orders'),
    fulfillmentCancel: hasScope('write_orders'),
  },
};
