import type { ColumnNeeds } from '../../src/sdk';
import { lineItemsTable, ordersTable } from '../../connectors/orders/tables';

/** The columns the orders plugin's resolvers read; fields not listed read their snake_case column. */
export const columns: ColumnNeeds = {
  Order: {
    table: ordersTable,
    always: ['id', 'tenant_id'],
    fields: {
      name: ['number'],
      orderNumber: ['number'],
      subtotalPrice: ['subtotal', 'currency_code'],
      totalPrice: ['total', 'currency_code'],
      customer: ['customer_id'],
      // Each line item's prices carry the order's currency: handed to the items by Order.lineItems.
      lineItems: ['currency_code'],
    },
  },
  LineItem: {
    table: lineItemsTable,
    always: ['id', 'tenant_id', 'order_id'],
    fields: {
      originalUnitPrice: ['unit_price'],
      originalTotal: ['total'],
      variant: ['variant_id'],
      product: ['product_id'],
    },
  },
  // Customer.orders gives the customer's order count as the connection's totalCount.
  Customer: { fields: { orders: ['orders_count'] } },
};
