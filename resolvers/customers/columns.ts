import type { ColumnNeeds } from '../../src/sdk';
import { customerAddressesTable, customersTable } from '../../connectors/customers/tables';

/** The columns the customers plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  Customer: {
    table: customersTable,
    always: ['id', 'tenant_id'],
    fields: {
      displayName: ['first_name', 'last_name', 'email'],
      numberOfOrders: ['orders_count'],
      addresses: [],
      defaultAddress: [],
    },
  },
  MailingAddress: {
    table: customerAddressesTable,
    always: ['id', 'tenant_id', 'customer_id', 'is_default'],
    fields: { name: ['first_name', 'last_name'], countryCode: ['country_code'] },
  },
};
