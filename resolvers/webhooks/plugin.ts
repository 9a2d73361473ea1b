import { definePlugin, schemaFragment } from '../../src/sdk';
import { deliverAll } from '../../connectors/webhooks/deliver';
import { migrations } from '../../connectors/webhooks/migrations';
import { seedWebhooks } from '../../connectors/webhooks/seed';
import { webhookOptionsFromEnv, type WebhookOptions } from '../../connectors/webhooks/options';
import { webhookMutations } from './mutations';
import { permissions } from './permissions';
import { deliveryFields, subscriptionFields, webhookQueries } from './queries';

/**
 * Outbound webhooks: admins subscribe https endpoints to topics; a job turns the outbox's events
 * (written by other plugins in their writes' transactions) into signed deliveries, retried with backoff.
 * `webhooksPlugin(options)` lets tests set the delivery policy and timings.
 */
export function webhooksPlugin(options: WebhookOptions) {
  return definePlugin({
    name: 'webhooks',
    version: '1.0.0',
    dependsOn: ['core'],
    typeDefs: schemaFragment('webhooks'),
    resolvers: {
      Query: webhookQueries,
      Mutation: webhookMutations(options.policy),
      WebhookSubscription: subscriptionFields,
      WebhookDelivery: deliveryFields,
    },
    mappers: {
      WebhookSubscription: 'connectors/webhooks/tables#SubscriptionRow',
      WebhookDelivery: 'connectors/webhooks/tables#DeliveryRow',
    },
    permissions,
    costs: {
      'Query.webhookSubscriptions': { multipliers: ['first'], defaultSize: 50 },
      'Query.webhookDeliveries': { multipliers: ['first'], defaultSize: 50 },
    },
    scopes: ['read_webhooks', 'write_webhooks'],
    migrations,
    seed: seedWebhooks,
    jobs: [
      {
        name: 'deliver',
        intervalMs: options.intervalMs,
        // Each event and delivery is claimed `for update skip locked`: instances share the work.
        everyInstance: true,
        run: (runtime, signal) => deliverAll(runtime, options, signal),
      },
    ],
  });
}

export const plugin = webhooksPlugin(webhookOptionsFromEnv());
