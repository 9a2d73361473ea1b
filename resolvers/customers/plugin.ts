import { definePlugin, schemaFragment } from '../../src/sdk';
import { CUSTOMER_EVENTS } from '../../connectors/customers/events';
import { createCustomerLoaders } from '../../connectors/customers/loaders';
import { migrations } from '../../connectors/customers/migrations';
import { seedCustomers } from '../../connectors/customers/seed';
import { customerResolvers } from './customer.resolvers';
import { permissions, readCustomers } from './permissions';
import { columns } from './columns';

/** The shop's customers: admin list, search and detail (orders are added by the orders plugin). */
export const plugin = definePlugin({
  name: 'customers',
  version: '1.0.0',
  dependsOn: ['core'],
  typeDefs: schemaFragment('customers'),
  resolvers: customerResolvers,
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    Customer: 'connectors/customers/tables#CustomerRow',
    CustomerConnection: 'CountedConnection<CustomerRow>',
  },
  permissions,
  costs: {
    'Query.customers': { multipliers: ['first', 'last'], defaultSize: 50 },
  },
  columns,
  createLoaders: createCustomerLoaders,
  scopes: ['read_customers', 'write_customers'],
  events: CUSTOMER_EVENTS,
  migrations,
  seed: seedCustomers,
  nodes: {
    Customer: { load: (ctx, id) => ctx.loaders.customerById.load(id), visibleTo: readCustomers },
  },
});
