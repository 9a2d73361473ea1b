import type { ColumnNeeds } from '../../src/sdk';
import { customersTable } from '../../connectors/customers/tables';

/** The columns the customers plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  Customer: {
    table: customersTable,
    always: ['id', 'tenant_id'],
    fields: { displayName: ['first_name', 'last_name', 'email'], numberOfOrders: ['orders_count'] },
  },
};
