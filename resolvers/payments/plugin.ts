import { definePlugin, schemaFragment } from '../../src/sdk';
import { createPaymentLoaders } from '../../connectors/payments/loaders';
import { migrations } from '../../connectors/payments/migrations';
import { seedPayments } from '../../connectors/payments/seed';
import { paymentsTenantConfig } from '../../connectors/payments/settings';
import { columns } from './columns';
import { paymentMutations } from './mutations';
import { permissions } from './permissions';
import { transactionResolvers } from './transaction.resolvers';

/**
 * Payments and the order lifecycle: providers (manual, Stripe), the order's transactions, captures,
 * refunds and fulfilments, all through one state machine (connectors/payments/lifecycle.ts).
 */
export const plugin = definePlugin({
  name: 'payments',
  version: '1.0.0',
  dependsOn: ['core', 'inventory', 'customers', 'orders'],
  typeDefs: schemaFragment('payments'),
  resolvers: {
    Mutation: paymentMutations.Mutation,
    ...transactionResolvers,
  },
  mappers: { OrderTransaction: 'connectors/payments/tables#TransactionRow' },
  permissions,
  columns,
  createLoaders: createPaymentLoaders,
  migrations,
  tenantConfig: paymentsTenantConfig,
  seed: seedPayments,
});
