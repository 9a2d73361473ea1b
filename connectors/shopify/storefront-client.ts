import '@shopify/shopify-api/adapters/node';
import { GatewayError, type Tenant } from '../../src/sdk';
import { createAdminClient, type AdminClient } from './admin-client';
import { classifyLibraryError } from './classify';
import { shopifyLibrary, type ShopifyClientConfig, type ShopifyTransport } from './client';
import { clientConfigOf, connectedShop, storefrontTokenOf } from './settings';
import { processBreakers } from './sync-runner';
import { inRequestRetries } from './write-client';

const TIMEOUT_MS = 10_000;

/**
 * One attempt at one Storefront API query, through the library's Storefront client. With a private
 * (server-side) token, Shopify meters each buyer by the IP address we pass on, not our server's.
 */
function storefrontTransport(
  config: ShopifyClientConfig,
  token: string,
  buyerIp: string | undefined,
): ShopifyTransport {
  const shopify = shopifyLibrary(config, token);
  const client = new shopify.clients.Storefront({ session: shopify.session.customAppSession(config.shop) });
  const headers: Record<string, string> = buyerIp ? { 'Shopify-Storefront-Buyer-IP': buyerIp } : {};
  return {
    shop: config.shop,
    async send(query, variables) {
      const signal = AbortSignal.timeout(TIMEOUT_MS);
      try {
        // retries: 0 as for the Admin API: retry.ts retries, reading Retry-After as seconds.
        const res = await client.request(query, { variables, headers, retries: 0, signal });
        return { data: (res.data ?? {}) as Record<string, unknown> };
      } catch (err) {
        throw classifyLibraryError(err, signal.aborted);
      }
    },
  };
}

/**
 * The Storefront API client for a cart write inside a GraphQL request: one retry (none for
 * mutations, `retryFailures: false`), a Retry-After over
 * a second not waited out (UPSTREAM_THROTTLED), and a circuit of its own per shop, so the Storefront
 * API's per-buyer limits never open the Admin API's circuit.
 */
export function storefrontClient(
  tenant: Tenant,
  buyerIp?: string,
  options: { retryFailures?: boolean } = {},
): AdminClient {
  const shop = connectedShop(tenant);
  if (!shop) throw new GatewayError('TENANT_UNAVAILABLE', 'This tenant has no Shopify shop configured');
  const config = clientConfigOf(shop);
  return createAdminClient(config, {
    transport: storefrontTransport(config, storefrontTokenOf(shop), buyerIp),
    breaker: processBreakers.forShop(`${shop.shop}#storefront`),
    // A cart mutation is sent once (cartLinesAdd adds): a lost answer is repaired by the next write's read.
    ...inRequestRetries(options),
  });
}
