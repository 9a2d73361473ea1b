import { definePlugin, schemaFragment } from '../../src/sdk';
import { createCartLoaders } from '../../connectors/carts/loaders';
import { migrations } from '../../connectors/carts/migrations';
import { cartMutations } from './cart-mutations';
import { cartResolvers } from './cart.resolvers';
import { permissions } from './permissions';
import { columns } from './columns';

/**
 * Storefront carts and checkout. Checkout writes the orders plugin's tables (at the SQL level) and
 * answers with its `Order` type, so this plugin depends on orders, never the other way round.
 */
export const plugin = definePlugin({
  name: 'carts',
  version: '1.0.0',
  dependsOn: ['core', 'catalog', 'inventory', 'customers', 'orders'],
  typeDefs: schemaFragment('carts'),
  resolvers: {
    Query: cartResolvers.Query,
    Mutation: cartMutations.Mutation,
    Cart: cartResolvers.Cart,
    CartLine: cartResolvers.CartLine,
  },
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    Cart: 'connectors/carts/tables#CartRow',
    CartLine: 'connectors/carts/loaders#PricedLine',
  },
  permissions,
  costs: {
    'Cart.lines': { multipliers: ['first'], defaultSize: 100 },
  },
  columns,
  createLoaders: createCartLoaders,
  // Checkout places orders: the order-created webhook topic is emitted here.
  events: ['ORDERS_CREATE'],
  migrations,
});
