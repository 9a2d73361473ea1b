import '@shopify/shopify-api/adapters/node';
import { LogSeverity, shopifyApi, type LogFunction } from '@shopify/shopify-api';
import { GatewayError } from '../../src/sdk';
import { isSupportedApiVersion, SUPPORTED_API_VERSIONS } from './api-version';
import { classifyLibraryError, readCost } from './classify';
import type { GraphqlResult, Variables } from './types';

export interface ShopifyClientConfig {
  /** The shop's permanent domain, `<name>.myshopify.com` (the Admin API answers on no other). */
  shop: string;
  /** Admin API access token of the custom app installed on the shop. */
  accessToken: string;
  /** The app's API secret key (also what signs its webhooks). */
  apiSecretKey: string;
  /** A pinned, dated Admin API version, e.g. '2025-07'. */
  apiVersion: string;
  /** Per-request timeout; a timed-out request counts as a network failure (retried). */
  timeoutMs?: number;
  /** Where the library's own log lines go; by default warnings and errors go to stderr. */
  log?: LogFunction;
}

/** One attempt at one query against one shop: no retries, no pacing (those wrap it). */
export interface ShopifyTransport {
  readonly shop: string;
  send(query: string, variables?: Variables): Promise<GraphqlResult>;
}

const shopDomain = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * The library set up as the shop's custom app, after the configuration is checked; `storefrontToken`
 * enables its Storefront client.
 */
export function shopifyLibrary(config: ShopifyClientConfig, storefrontToken?: string) {
  validateClientConfig(config);
  return shopifyApi({
    apiSecretKey: config.apiSecretKey,
    apiVersion: config.apiVersion as Parameters<typeof shopifyApi>[0]['apiVersion'],
    isCustomStoreApp: true,
    adminApiAccessToken: config.accessToken,
    privateAppStorefrontAccessToken: storefrontToken,
    isEmbeddedApp: false,
    // Only used for OAuth redirects, which a custom store app never does.
    hostName: 'localhost',
    logger: { level: LogSeverity.Warning, log: config.log ?? defaultLog },
  });
}

export function createShopifyTransport(config: ShopifyClientConfig): ShopifyTransport {
  const shopify = shopifyLibrary(config);
  const session = shopify.session.customAppSession(config.shop);
  const client = new shopify.clients.Graphql({ session });
  const timeoutMs = config.timeoutMs ?? 30_000;

  return {
    shop: config.shop,
    async send(query, variables) {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        // retries: 0 because the library reads Retry-After seconds as milliseconds; retry.ts retries.
        const res = await client.request(query, { variables, retries: 0, signal });
        return { data: (res.data ?? {}) as Record<string, unknown>, cost: readCost(res) };
      } catch (err) {
        throw classifyLibraryError(err, signal.aborted);
      }
    },
  };
}

/** Refuses a configuration no client can use (TENANT_UNAVAILABLE): domain, version, secrets. */
function validateClientConfig(config: ShopifyClientConfig): void {
  if (!shopDomain.test(config.shop)) {
    throw new GatewayError('TENANT_UNAVAILABLE', 'The Shopify shop domain must be <name>.myshopify.com');
  }
  if (!isSupportedApiVersion(config.apiVersion)) {
    throw new GatewayError(
      'TENANT_UNAVAILABLE',
      `Unsupported Shopify API version; use one of ${SUPPORTED_API_VERSIONS.join(', ')}`,
    );
  }
  if (!config.accessToken || !config.apiSecretKey) {
    throw new GatewayError('TENANT_UNAVAILABLE', 'The Shopify access token and app secret are required');
  }
}

const defaultLog: LogFunction = (severity, message) => {
  if (severity <= LogSeverity.Warning) console.warn(`[shopify-api] ${message}`);
};
