import express, { type Router } from 'express';
import { ProviderError, type PaymentProviderDefinition, type PluginRuntime } from '../../src/sdk';
import { connectProvider } from '../../connectors/payments/provider-of';
import { applyProviderEvent } from '../../connectors/payments/provider-webhook';
import { paymentsSettings } from '../../connectors/payments/settings';
import type { PaymentTables } from '../../connectors/payments/tables';

const refuse = { error: { code: 'UNAUTHENTICATED', message: 'Webhook signature is invalid' } };

/**
 * POST /plugins/payments/<provider>/<tenant>: one route per provider with a webhook, for one tenant that
 * lists it. The provider verifies the delivery on the raw bytes with the tenant's settings of it before
 * anything is read (401 otherwise). A provider outage answers 503 so that the provider delivers again.
 */
function providerRoute(router: Router, runtime: PluginRuntime, definition: PaymentProviderDefinition) {
  const { name, webhook } = definition;
  if (!webhook) return;
  router.post(`/${name}/:tenant`, express.raw({ type: '*/*', limit: '1mb' }), async (req, res, next) => {
    try {
      const tenant = runtime.tenants().find((t) => t.id === req.params.tenant && t.plugins.has('payments'));
      const settings = tenant && paymentsSettings(tenant);
      const own = settings?.providers.includes(name) ? settings[name] : undefined;
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verified =
        tenant && (own !== undefined || !definition.settings)
          ? webhook.verify({ body, header: (h) => req.header(h) }, own)
          : null;
      const provider = verified && connectProvider(runtime.paymentProviders ?? new Map(), tenant!, name);
      if (!verified || !provider) return void res.status(401).json(refuse);
      const { paymentId } = verified;
      const applied =
        paymentId !== null &&
        (await runtime.withTenant<PaymentTables, boolean>(tenant!.id, (trx) =>
          applyProviderEvent(trx, tenant!.id, provider, paymentId, runtime.orderCancellation ?? null),
        ));
      res.status(200).json({ status: applied ? 'applied' : 'ignored' });
    } catch (error) {
      if (error instanceof ProviderError) return void res.status(503).json({ error: { code: 'UPSTREAM_UNAVAILABLE' } });
      next(error);
    }
  });
}

/** The webhook routes of the providers the composed plugins contribute. */
export function webhookRoutes(router: Router, runtime: PluginRuntime): void {
  for (const definition of runtime.paymentProviders?.values() ?? []) providerRoute(router, runtime, definition);
}
