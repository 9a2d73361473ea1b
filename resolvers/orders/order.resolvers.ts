import {
  connectionOf,
  encodeCursor,
  encodeGlobalId,
  localIdOf,
  moneyIn,
  pageOf,
  type GatewayContext,
} from '../../src/sdk';
import { orderList, type OrderFilter } from '../../connectors/orders/orders';
import { tableListConnection } from '../../src/sdk/db';
import type { OrderRow } from '../../connectors/orders/tables';
import type {
  CustomerOrdersArgs,
  CustomerResolvers,
  OrderFilter as OrderFilterInput,
  OrderResolvers,
  QueryOrderArgs,
  QueryOrdersArgs,
  QueryResolvers,
  ResolversParentTypes,
} from '../generated/resolvers-types';

/** An amount in its currency's digits (12.50, 1500, 1.250): amounts are stored exactly, at any scale. */
const money = moneyIn;

function orderFilter(input: OrderFilterInput | null | undefined): OrderFilter {
  const { customerId, ...rest } = input ?? {};
  // An id that names no customer matches no order (never every order).
  return customerId == null ? rest : { ...rest, customerId: localIdOf(customerId, 'Customer') };
}

export const orderResolvers: { Query: QueryResolvers; Customer: CustomerResolvers; Order: OrderResolvers } = {
  Query: {
    orders: (_: unknown, args: QueryOrdersArgs, ctx: GatewayContext) =>
      tableListConnection(ctx.db, orderList, args, orderFilter(args.filter), ctx.columns('Order')),
    order: async (_: unknown, args: QueryOrderArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      return id ? ctx.loaders.orderById.load(id) : null;
    },
  },
  Customer: {
    orders: async (customer: ResolversParentTypes['Customer'], args: CustomerOrdersArgs, ctx: GatewayContext) => {
      const page = pageOf({ first: args.first });
      const rows = await ctx.loaders.recentOrdersByCustomer.load(`${customer.id}:${page.size + 1}`);
      return connectionOf(rows, page, (row) => encodeCursor([row.id]), customer.orders_count);
    },
  },
  Order: {
    id: (row: OrderRow) => encodeGlobalId('Order', row.id),
    name: (row: OrderRow) => `#${row.number}`,
    orderNumber: (row: OrderRow) => row.number,
    financialStatus: (row: OrderRow) => row.financial_status,
    fulfillmentStatus: (row: OrderRow) => row.fulfillment_status,
    currencyCode: (row: OrderRow) => row.currency_code,
    subtotalPrice: (row: OrderRow) => money(row.subtotal, row.currency_code),
    totalPrice: (row: OrderRow) => money(row.total, row.currency_code),
    // Through the Customer node: the engine applies its visibility (read_customers) before loading.
    customer: (row: OrderRow, _: unknown, ctx: GatewayContext) =>
      row.customer_id ? ctx.loadNodeOf<ResolversParentTypes['Customer']>('Customer', row.customer_id) : null,
    cancelReason: (row: OrderRow) => row.cancel_reason,
    cancelledAt: (row: OrderRow) => row.cancelled_at,
    fulfilledAt: (row: OrderRow) => row.fulfilled_at,
    createdAt: (row: OrderRow) => row.created_at,
    updatedAt: (row: OrderRow) => row.updated_at,
  },
};
