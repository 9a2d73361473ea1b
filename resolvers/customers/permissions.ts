import { access } from '../../src/sdk/graphql';

/** Only staff holding read_customers ever see a customer, through any path (node, order.customer). */
export const readCustomers = access.scope('read_customers');
const writeCustomers = access.scope('write_customers');

/** Customers are personal data: staff scopes only, never a storefront token. */
export const permissions = {
  Query: {
    customers: readCustomers.rule,
    customer: readCustomers.rule,
  },
  Mutation: {
    customerCreate: writeCustomers.rule,
    customerUpdate: writeCustomers.rule,
  },
};
