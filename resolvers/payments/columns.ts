import type { ColumnNeeds } from '../../src/sdk';
import { fulfillmentLinesTable, fulfillmentsTable, transactionsTable } from '../../connectors/payments/tables';

/** The columns the payments plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  OrderTransaction: {
    table: transactionsTable,
    always: ['id', 'tenant_id', 'order_id'],
    fields: { amount: ['amount', 'currency_code'] },
  },
  Order: { fields: { displayFulfillmentStatus: ['fulfillment_status'] } },
  Fulfillment: {
    table: fulfillmentsTable,
    always: ['id', 'tenant_id', 'order_id'],
    fields: {
      location: ['location_id'],
      trackingInfo: ['tracking_number', 'tracking_url', 'tracking_company'],
    },
  },
  FulfillmentLineItem: {
    table: fulfillmentLinesTable,
    always: ['id', 'tenant_id', 'fulfillment_id'],
    fields: { lineItemId: ['line_item_id'] },
  },
};
