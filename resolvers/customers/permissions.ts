import { hasScope } from '../../src/sdk/graphql';

/** Customers are personal data: staff scopes only, never a storefront token. */
export const permissions = {
  Query: {
    customers: hasScope('read_customers'),
    customer: hasScope('read_customers'),
  },
  Mutation: {
    customerCreate: hasScope('write_customers'),
    customerUpdate: hasScope('write_customers'),
  },
};
