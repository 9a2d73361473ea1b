import { hasScope } from '../../src/sdk/graphql';

/** Subscriptions name the shop's endpoints and deliveries carry its data: staff scopes only. */
export const permissions = {
  Query: {
    webhookSubscriptions: hasScope('read_webhooks'),
    webhookDeliveries: hasScope('read_webhooks'),
  },
  Mutation: {
    webhookSubscriptionCreate: hasScope('write_webhooks'),
    webhookSubscriptionUpdate: hasScope('write_webhooks'),
    webhookSubscriptionDelete: hasScope('write_webhooks'),
    webhookSigningSecretRotate: hasScope('write_webhooks'),
    webhookDeliveryRetry: hasScope('write_webhooks'),
  },
};
