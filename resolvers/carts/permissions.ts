import { access, hasScope, isStorefront } from '../../src/sdk/graphql';

/** Who reads the pricing setup: the rule of its root queries and the visibility of `node(id:)` alike. */
export const readShipping = access.scope('read_shipping');
export const readTaxes = access.scope('read_taxes');
export const readDiscounts = access.scope('read_discounts');

/**
 * Carts and checkout belong to storefronts: the cart id is the buyer's credential. The pricing setup
 * (shipping zones, tax rates, discounts) is admin data under its own scopes.
 */
export const permissions = {
  Query: {
    cart: isStorefront,
    shippingZones: readShipping.rule,
    taxRates: readTaxes.rule,
    discounts: readDiscounts.rule,
  },
  Mutation: {
    cartCreate: isStorefront,
    cartLinesAdd: isStorefront,
    cartLinesUpdate: isStorefront,
    cartLinesRemove: isStorefront,
    cartBuyerIdentityUpdate: isStorefront,
    cartDeliveryAddressUpdate: isStorefront,
    cartSelectedDeliveryOptionUpdate: isStorefront,
    cartDiscountCodesUpdate: isStorefront,
    checkoutComplete: isStorefront,
    shippingZoneCreate: hasScope('write_shipping'),
    shippingZoneUpdate: hasScope('write_shipping'),
    shippingZoneDelete: hasScope('write_shipping'),
    taxRateCreate: hasScope('write_taxes'),
    taxRateUpdate: hasScope('write_taxes'),
    taxRateDelete: hasScope('write_taxes'),
    customerTaxExemptUpdate: hasScope('write_taxes'),
    discountCreate: hasScope('write_discounts'),
    discountUpdate: hasScope('write_discounts'),
    discountDeactivate: hasScope('write_discounts'),
  },
  Customer: {
    taxExempt: hasScope('read_taxes'),
  },
};
