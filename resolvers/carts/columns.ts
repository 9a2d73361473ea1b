import type { ColumnNeeds } from '../../src/sdk';
import { cartsTable } from '../../connectors/carts/tables';

/** What a cart's quote reads of its row: its lines are priced from it too. */
const PRICING = ['delivery_address', 'delivery_option_handle', 'email', 'country_code', 'discount_codes'];

/** The columns the carts plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  Cart: {
    table: cartsTable,
    always: ['id', 'tenant_id', 'customer_id'],
    fields: {
      buyerIdentity: ['email', 'phone', 'country_code'],
      lines: PRICING,
      cost: PRICING,
      requiresShipping: PRICING,
      deliveryOptions: PRICING,
      selectedDeliveryOption: PRICING,
      discountCodes: PRICING,
      discountAllocations: PRICING,
      taxesIncluded: [],
    },
  },
  Customer: { fields: { taxExempt: [] } },
  // The order's pricing comes from carts' own snapshot table, by the order's id.
  Order: {
    fields: {
      shippingAddress: [],
      shippingLines: [],
      taxLines: [],
      discountApplications: [],
      totalShippingPrice: [],
      totalTax: [],
      totalDiscounts: [],
      taxesIncluded: [],
    },
  },
};
