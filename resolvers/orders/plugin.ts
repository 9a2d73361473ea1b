import { definePlugin, schemaFragment } from '../../src/sdk';
import { ORDER_EVENTS } from '../../connectors/orders/events';
import { createOrderLoaders } from '../../connectors/orders/loaders';
import { migrations } from '../../connectors/orders/migrations';
import { seedOrders } from '../../connectors/orders/seed';
import { lineItemResolvers } from './line-item.resolvers';
import { orderMutations } from './order-mutations';
import { orderResolvers } from './order.resolvers';
import { permissions, readOrders } from './permissions';
import { columns } from './columns';
import { orderPersonalData } from '../../connectors/orders/privacy';
import { orderCancellation } from '../../connectors/orders/cancellation';

/** Orders: admin list and detail with line items, cancel (restocks) and fulfil; customers' order history. */
export const plugin = definePlugin({
  name: 'orders',
  version: '1.0.0',
  dependsOn: ['core', 'catalog', 'inventory', 'customers'],
  typeDefs: schemaFragment('orders'),
  resolvers: {
    Query: orderResolvers.Query,
    Mutation: orderMutations.Mutation,
    Customer: orderResolvers.Customer,
    Order: { ...orderResolvers.Order, ...lineItemResolvers.Order },
    LineItem: lineItemResolvers.LineItem,
  },
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    Order: 'connectors/orders/tables#OrderRow',
    LineItem: 'connectors/orders/tables#LineItemParent',
    OrderConnection: 'CountedConnection<OrderRow>',
  },
  permissions,
  costs: {
    'Query.orders': { multipliers: ['first', 'last'], defaultSize: 50 },
    'Order.lineItems': { multipliers: ['first'], defaultSize: 50 },
    'Customer.orders': { multipliers: ['first'], defaultSize: 10 },
  },
  columns,
  createLoaders: createOrderLoaders,
  scopes: ['read_orders', 'write_orders'],
  events: ORDER_EVENTS,
  migrations,
  personalData: orderPersonalData,
  orderCancellation,
  seed: seedOrders,
  nodes: {
    Order: { load: (ctx, id) => ctx.loaders.orderById.load(id), visibleTo: readOrders },
  },
});
