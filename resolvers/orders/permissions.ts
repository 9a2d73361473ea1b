import { hasScope, isStorefront, or } from '../../src/sdk/graphql';

/**
 * Orders are admin data; a customer's order history needs read_orders as well as read_customers. A
 * storefront reaches a Customer only as its signed-in shopper (the customers plugin answers no other),
 * so there the history is the shopper's own.
 */
export const permissions = {
  Query: {
    orders: hasScope('read_orders'),
    order: hasScope('read_orders'),
  },
  Mutation: {
    orderCancel: hasScope('write_orders'),
    orderFulfill: hasScope('write_orders'),
  },
  Customer: {
    orders: or(hasScope('read_orders'), isStorefront),
  },
};
