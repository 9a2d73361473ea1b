import { access, isStorefront, or } from '../../src/sdk/graphql';

/** Who reads orders: the rule of the root queries and the visibility of `node(id:)` alike. */
export const readOrders = access.scope('read_orders');
const writeOrders = access.scope('write_orders');

/**
 * Orders are admin data; a customer's order history needs read_orders as well as read_customers. A
 * storefront reaches a Customer only as its signed-in shopper (the customers plugin answers no other),
 * so there the history is the shopper's own.
 */
export const permissions = {
  Query: {
    orders: readOrders.rule,
    order: readOrders.rule,
  },
  Mutation: {
    orderCancel: writeOrders.rule,
    orderFulfill: writeOrders.rule,
  },
  Customer: {
    orders: or(readOrders.rule, isStorefront),
  },
};
