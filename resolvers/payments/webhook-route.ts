import express, { type Router } from 'express';
import type { PluginRuntime } from '../../src/sdk';
import { ProviderError } from '../../connectors/payments/provider';
import { paymentsSettings } from '../../connectors/payments/settings';
import { applyStripeEvent, verifyStripeEvent } from '../../connectors/payments/stripe-webhook';
import type { PaymentTables } from '../../connectors/payments/tables';

const refuse = { error: { code: 'UNAUTHENTICATED', message: 'Webhook signature is invalid' } };

/**
 * POST /plugins/payments/stripe/<tenant>: Stripe's webhook endpoint for one tenant. The signature is
 * checked on the raw bytes with the tenant's endpoint secret before anything is read (401 otherwise).
 * A provider outage answers 503 so that Stripe delivers again later.
 */
export function webhookRoutes(router: Router, runtime: PluginRuntime): void {
  router.post('/stripe/:tenant', express.raw({ type: '*/*', limit: '1mb' }), async (req, res, next) => {
    try {
      const tenant = runtime.tenants().find((t) => t.id === req.params.tenant && t.plugins.has('payments'));
      const stripe = tenant ? paymentsSettings(tenant).stripe : undefined;
      const secret = stripe ? process.env[stripe.webhookSecretEnv] : undefined;
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const event = secret ? verifyStripeEvent(body, req.header('stripe-signature'), secret) : null;
      if (!tenant || !stripe || !event) return void res.status(401).json(refuse);
      const applied = await runtime.withTenant<PaymentTables, boolean>(tenant.id, (trx) =>
        applyStripeEvent(trx, tenant.id, stripe, event),
      );
      res.status(200).json({ status: applied ? 'applied' : 'ignored' });
    } catch (error) {
      if (error instanceof ProviderError) return void res.status(503).json({ error: { code: 'UPSTREAM_UNAVAILABLE' } });
      next(error);
    }
  });
}
