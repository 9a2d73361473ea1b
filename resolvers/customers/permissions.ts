import { access, isStorefront, or } from '../../src/sdk/graphql';

/** Staff holding read_customers see every customer, through any path (node, order.customer). */
export const readCustomers = access.scope('read_customers');
const writeCustomers = access.scope('write_customers');

/**
 * Customers are personal data: staff scopes, or on a storefront the signed-in shopper's own account
 * only (the resolvers answer no one else's: see customer.resolvers.ts and shopper.ts).
 */
export const permissions = {
  Query: {
    customers: readCustomers.rule,
    customer: or(readCustomers.rule, isStorefront),
  },
  Mutation: {
    customerCreate: or(writeCustomers.rule, isStorefront),
    customerUpdate: or(writeCustomers.rule, isStorefront),
    customerAccessTokenCreate: isStorefront,
    customerAccessTokenRenew: isStorefront,
    customerAccessTokenDelete: isStorefront,
    customerRecover: isStorefront,
    customerReset: isStorefront,
    customerActivate: isStorefront,
    customerDataExport: readCustomers.rule,
    customerErase: writeCustomers.rule,
    customerAddressCreate: isStorefront,
    customerAddressUpdate: isStorefront,
    customerAddressDelete: isStorefront,
    customerDefaultAddressUpdate: isStorefront,
  },
};
