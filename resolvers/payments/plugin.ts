import { definePlugin, schemaFragment } from '../../src/sdk';
import { createPaymentLoaders } from '../../connectors/payments/loaders';
import { migrations } from '../../connectors/payments/migrations';
import { cancelSettlement } from '../../connectors/payments/cancel-settlement';
import { manualProvider } from '../../connectors/payments/manual-provider';
import { seedPayments } from '../../connectors/payments/seed';
import { stripePaymentProvider } from '../../connectors/payments/stripe-provider';
import { paymentsTenantConfig } from '../../connectors/payments/settings';
import { columns } from './columns';
import { fulfillmentResolvers } from './fulfillment.resolvers';
import { expireReservations, settleCancellations, sweepRefunds } from './jobs';
import { paymentMutations } from './mutations';
import { permissions } from './permissions';
import { sessionResolvers } from './session.resolvers';
import { transactionResolvers } from './transaction.resolvers';
import { webhookRoutes } from './webhook-route';

/**
 * Payments and the order lifecycle: the providers plugins contribute (manual and Stripe here), the order's
 * transactions, captures, refunds, cancellations' money and fulfilments, all through one state machine
 * (connectors/payments/lifecycle.ts).
 */
export const plugin = definePlugin({
  name: 'payments',
  version: '1.0.0',
  dependsOn: ['core', 'inventory', 'customers', 'orders'],
  typeDefs: schemaFragment('payments'),
  resolvers: {
    ...transactionResolvers,
    ...sessionResolvers,
    ...fulfillmentResolvers,
    Mutation: { ...paymentMutations.Mutation, ...fulfillmentResolvers.Mutation },
    Order: { ...transactionResolvers.Order, ...fulfillmentResolvers.Order },
  },
  mappers: {
    OrderTransaction: 'connectors/payments/tables#TransactionRow',
    Fulfillment: 'connectors/payments/tables#FulfillmentRow',
    FulfillmentLineItem: 'connectors/payments/tables#FulfillmentLineRow',
  },
  permissions,
  costs: { 'Order.fulfillments': { defaultSize: 10 } },
  columns,
  createLoaders: createPaymentLoaders,
  migrations,
  tenantConfig: paymentsTenantConfig,
  seed: seedPayments,
  paymentProviders: [manualProvider, stripePaymentProvider],
  orderSettlement: () => cancelSettlement(),
  routes: webhookRoutes,
  jobs: [expireReservations, settleCancellations, sweepRefunds],
});
