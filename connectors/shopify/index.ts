/** The Shopify connector's data-access core: clients, pacing, retries, breaker, bulk, webhooks. */
export { createAdminClient, type AdminClient, type AdminClientDeps } from './admin-client';
export { MIN_API_VERSION, SUPPORTED_API_VERSIONS, isSupportedApiVersion } from './api-version';
export { BulkQueryRunner, type BulkOperation, type BulkOperationStatus, type BulkOptions } from './bulk';
export { BULK_QUERIES, type BulkResource } from './bulk-queries';
export {
  BreakerRegistry,
  CircuitBreaker,
  defaultBreakerOptions,
  type BreakerOptions,
  type BreakerState,
} from './circuit-breaker';
export { createShopifyTransport, type ShopifyClientConfig, type ShopifyTransport } from './client';
export { systemClock, type Clock } from './clock';
export { UpstreamError, toGatewayError, type UpstreamFailure } from './errors';
export { updatedSince, type IncrementalOptions } from './incremental';
export { INCREMENTAL_QUERIES, type IncrementalResource } from './incremental-queries';
export { inBatches, streamJsonl, type BulkRecord, type FetchLike } from './jsonl';
export { CostPacer, defaultPacingOptions, type PacingOptions } from './pacing';
export { defaultRetryPolicy, parseRetryAfterMs, type RetryPolicy } from './retry';
export type { GraphqlResult, QueryCost, ThrottleStatus, Variables } from './types';
export { readWebhookMeta, verifyWebhookHmac, type WebhookHeaders, type WebhookMeta } from './webhook-verify';
