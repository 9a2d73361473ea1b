import { GatewayError, type Tenant } from '../../src/sdk';
import { createAdminClient, type AdminClient } from './admin-client';
import { clientConfigOf, connectedShop } from './settings';
import { processBreakers } from './sync-runner';

/**
 * The admin client for a write made inside a GraphQL request: the shop's shared breaker, pacing
 * from Shopify's cost answers, and a short retry ladder, since a client is waiting. A Retry-After
 * longer than a second is not waited out: the mutation answers UPSTREAM_THROTTLED.
 */
export function writeClient(tenant: Tenant, options: { retryFailures?: boolean } = {}): AdminClient {
  const shop = connectedShop(tenant);
  if (!shop) throw new GatewayError('TENANT_UNAVAILABLE', 'This tenant has no Shopify shop configured');
  return createAdminClient(clientConfigOf(shop), {
    breaker: processBreakers.forShop(shop.shop),
    // A write that is not idempotent in Shopify (orderCreate) is sent once: a lost answer is looked up.
    ...inRequestRetries(options),
  });
}

/** Retries short enough for a request that waits: one retry at most (none if told), one throttled retry. */
export const inRequestRetries = (options: { retryFailures?: boolean }) => ({
  retry: {
    maxRetries: options.retryFailures === false ? 0 : 1,
    baseDelayMs: 100,
    maxDelayMs: 500,
    maxRetryAfterMs: 1000,
  },
  pacing: { maxThrottleRetries: 1 },
});
