import { systemClock, type Clock } from './clock';
import { CircuitBreaker, defaultBreakerOptions } from './circuit-breaker';
import { createShopifyTransport, type ShopifyClientConfig, type ShopifyTransport } from './client';
import { toGatewayError } from './errors';
import { CostPacer, defaultPacingOptions, type PacingOptions } from './pacing';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './retry';
import type { Variables } from './types';

/** What the rest of the gateway sees of a shop: a query that returns data or throws a GatewayError. */
export interface AdminClient {
  readonly shop: string;
  query<T = Record<string, unknown>>(query: string, variables?: Variables): Promise<T>;
}

export interface AdminClientDeps {
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  pacing?: Partial<PacingOptions>;
  /** Share one per shop across clients (BreakerRegistry.forShop); a private one by default. */
  breaker?: CircuitBreaker;
  /** Replaces the library transport (unit tests of the layers above it). */
  transport?: ShopifyTransport;
}

/**
 * breaker -> pacing -> retry -> library client. The order matters: an open breaker spends nothing,
 * pacing waits once per attempt ladder, and retries stay inside one paced slot.
 */
export function createAdminClient(config: ShopifyClientConfig, deps: AdminClientDeps = {}): AdminClient {
  const clock = deps.clock ?? systemClock;
  const transport = deps.transport ?? createShopifyTransport(config);
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...deps.retry };
  const pacer = new CostPacer(clock, { ...defaultPacingOptions, ...deps.pacing });
  const breaker = deps.breaker ?? new CircuitBreaker(clock, defaultBreakerOptions);

  return {
    shop: transport.shop,
    async query<T>(query: string, variables?: Variables): Promise<T> {
      const result = await breaker.run(() =>
        pacer
          .run(query, () => withRetry(() => transport.send(query, variables), policy, clock))
          .catch((err: unknown) => {
            throw toGatewayError(err);
          }),
      );
      return result.data as T;
    },
  };
}
