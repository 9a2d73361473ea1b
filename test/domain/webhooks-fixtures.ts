import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from '../../connectors/webhooks/options';
import { webhooksPlugin } from '../../resolvers/webhooks/plugin';
import { fixtureTenantsFor } from '../kit/gateway';
import type { PluginCandidate } from '../../src/plugins/load';

/** The retail plugins and webhooks, with fast test timings and a policy that lets deliveries reach loopback. */
export function webhookSuite(ca: string, overrides: Partial<WebhookOptions> = {}) {
  const options: WebhookOptions = {
    ...DEFAULT_WEBHOOK_OPTIONS,
    policy: { allowLoopback: true },
    ca,
    intervalMs: 50,
    baseDelayMs: 20,
    maxDelayMs: 80,
    timeoutMs: 3_000,
    leaseMs: 1_000,
    maxAttempts: 5,
    ...overrides,
  };
  const webhooks: PluginCandidate = { source: 'webhooks (test timings)', plugin: webhooksPlugin(options) };
  const dir = fixtureTenantsFor(['catalog', 'inventory', 'customers', 'orders', 'carts', 'webhooks']);
  for (const file of readdirSync(dir)) {
    appendFileSync(
      join(dir, file),
      '\nlimits:\n  maxCost: 100000\n  rateBucketSize: 1000000\n  rateRestorePerSecond: 100000\n',
    );
  }
  return {
    options,
    suite: {
      plugins: ['core', 'catalog', 'inventory', 'customers', 'orders', 'carts', webhooks],
      tenantsDir: dir,
      jobs: true,
    },
  };
}

export const CREATE = `mutation($topic: WebhookSubscriptionTopic!, $url: URL!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url, format: JSON }) {
    webhookSubscription { id topic callbackUrl status }
    signingSecret
    userErrors { field code message }
  }
}`;

export const DELIVERIES = `query($id: ID!) {
  webhookDeliveries(subscriptionId: $id, first: 10) { nodes { id eventId topic status attempts responseCode lastError } }
}`;

export interface DeliveryData {
  id: string;
  eventId: string;
  topic: string;
  status: string;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
}
