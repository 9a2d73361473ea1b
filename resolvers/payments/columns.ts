import type { ColumnNeeds } from '../../src/sdk';
import { transactionsTable } from '../../connectors/payments/tables';

/** The columns the payments plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  OrderTransaction: {
    table: transactionsTable,
    always: ['id', 'tenant_id', 'order_id'],
    fields: { amount: ['amount', 'currency_code'] },
  },
};
