import type { ColumnNeeds } from '../../src/sdk';
import { cartsTable } from '../../connectors/carts/tables';

/** The columns the carts plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  Cart: {
    table: cartsTable,
    always: ['id', 'tenant_id', 'customer_id'],
    fields: { buyerIdentity: ['email', 'phone', 'country_code'] },
  },
};
