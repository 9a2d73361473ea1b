import { hasScope, isStorefront } from '../../src/sdk/graphql';

/**
 * Carts and checkout belong to storefronts: the cart id is the buyer's credential. The pricing setup
 * (shipping zones, tax rates, discounts) is admin data under its own scopes.
 */
export const permissions = {
  Query: {
    cart: isStorefront,
    shippingZones: hasScope('read_shipping'),
    taxRates: hasScope('read_taxes'),
    discounts: hasScope('read_discounts'),
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
