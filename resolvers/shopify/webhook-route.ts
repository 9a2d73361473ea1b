import express, { type Router } from 'express';
import type { PluginRuntime, Tenant } from '../../src/sdk';
import { systemClock, type Clock } from '../../connectors/shopify/clock';
import { shopifyMetrics } from '../../connectors/shopify/metrics';
import { connectedShop } from '../../connectors/shopify/settings';
import type { ShopifyDb } from '../../connectors/shopify/tables';
import { webhookRefusal } from '../../connectors/shopify/webhook-policy';
import { enqueueWebhook } from '../../connectors/shopify/webhook-queue';
import { readWebhookMeta, verifyWebhookHmac } from '../../connectors/shopify/webhook-verify';

/** Shopify sends at most a few hundred kB; anything bigger is not a webhook of ours. */
const BODY_LIMIT = '1mb';

function tenantForShop(runtime: PluginRuntime, shop: string | undefined): Tenant | undefined {
  return shop ? runtime.tenants().find((t) => connectedShop(t)?.shop === shop.toLowerCase()) : undefined;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * POST /plugins/shopify/webhooks. The HMAC is checked on the raw bytes with the secret of the tenant
 * the shop belongs to before anything is written (401 otherwise). A signed delivery that is stale,
 * names another shop or does not fit its topic is logged, counted and acknowledged with 200
 * `refused`: retrying cannot change the answer. Any other is queued in Postgres, de-duplicated by
 * event id, and acknowledged at once: the queue worker applies it.
 */
export function webhookRoutes(router: Router, runtime: PluginRuntime, clock: Clock = systemClock): void {
  router.post('/webhooks', express.raw({ type: '*/*', limit: BODY_LIMIT }), async (req, res, next) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const tenant = tenantForShop(runtime, header(req.headers['x-shopify-shop-domain']));
      const shop = tenant && connectedShop(tenant);
      const secret = shop ? process.env[shop.apiSecretEnv] : undefined;
      if (!tenant || !shop || !secret || !verifyWebhookHmac(body, req.headers['x-shopify-hmac-sha256'], secret)) {
        return void res
          .status(401)
          .json({ error: { code: 'UNAUTHENTICATED', message: 'Webhook signature is invalid' } });
      }
      const meta = readWebhookMeta(req.headers);
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        payload = undefined;
      }
      if (!meta || !payload || typeof payload !== 'object' || Array.isArray(payload)) {
        return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'Not a Shopify webhook delivery' } });
      }
      const reason = webhookRefusal(meta, payload as Record<string, unknown>, clock.now(), shop.webhookMaxAgeSeconds);
      if (reason) {
        runtime.log.warn(
          { tenant: tenant.id, topic: meta.topic, eventId: meta.eventId, triggeredAt: meta.triggeredAt, reason },
          'shopify webhook refused',
        );
        runtime.metrics?.counter(shopifyMetrics.webhookRefusals).inc({ tenant: tenant.id, reason });
        return void res.status(200).json({ status: 'refused', reason });
      }
      const queued = await runtime.withTenant<ShopifyDb, boolean>(tenant.id, (trx) =>
        enqueueWebhook(trx, tenant.id, meta, payload as Record<string, unknown>),
      );
      res.status(200).json({ status: queued ? 'queued' : 'duplicate' });
    } catch (error) {
      next(error);
    }
  });
}
