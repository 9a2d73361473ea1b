import { hasScope } from '../../src/sdk/graphql';

/** Orders are admin data; a customer's order history needs read_orders as well as read_customers. */
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
    orders: hasScope('read_orders'),
  },
};
