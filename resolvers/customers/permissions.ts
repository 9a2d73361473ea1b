import { hasScope, isStorefront, or } from '../../src/sdk/graphql';

/**
 * Customers are personal data: staff scopes, or on a storefront the signed-in shopper's own account
 * only (the resolvers answer no one else's: see customer.resolvers.ts and shopper.ts).
 */
export const permissions = {
  Query: {
    customers: hasScope('read_customers'),
    customer: or(hasScope('read_customers'), isStorefront),
  },
  Mutation: {
    customerCreate: or(hasScope('write_customers'), isStorefront),
    customerUpdate: hasScope('write_customers'),
    customerAccessTokenCreate: isStorefront,
    customerAccessTokenRenew: isStorefront,
    customerAccessTokenDelete: isStorefront,
    customerRecover: isStorefront,
    customerReset: isStorefront,
    customerAddressCreate: isStorefront,
    customerAddressUpdate: isStorefront,
    customerAddressDelete: isStorefront,
    customerDefaultAddressUpdate: isStorefront,
  },
};
