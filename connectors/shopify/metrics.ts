import type { CounterSpec } from '../../src/sdk';

/** The plugin's counters on the gateway's /metrics (declared in its manifest). */
export const shopifyMetrics = {
  syncRecords: {
    name: 'gateway_shopify_sync_records_total',
    help: 'Records synchronised from Shopify, by tenant and resource',
    labels: ['tenant', 'resource'],
  },
  throttled: {
    name: 'gateway_shopify_throttled_total',
    help: 'Shopify calls that were throttled or paced, by tenant',
    labels: ['tenant'],
  },
  webhookRefusals: {
    name: 'gateway_shopify_webhook_refusals_total',
    help: 'Signed Shopify webhooks refused (undated, stale, shop_mismatch, topic_mismatch), by tenant and reason',
    labels: ['tenant', 'reason'],
  },
} satisfies Record<string, CounterSpec>;
