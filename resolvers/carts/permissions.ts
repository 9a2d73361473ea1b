import { isStorefront } from '../../src/sdk/graphql';

/** Carts and checkout belong to storefronts: the cart id is the buyer's credential. */
export const permissions = {
  Query: {
    cart: isStorefront,
  },
  Mutation: {
    cartCreate: isStorefront,
    cartLinesAdd: isStorefront,
    cartLinesUpdate: isStorefront,
    cartLinesRemove: isStorefront,
    cartBuyerIdentityUpdate: isStorefront,
    checkoutComplete: isStorefront,
  },
};
