import { GatewayError } from '../../src/sdk';
import type { QueryCost } from './types';

/** What went wrong talking to Shopify, reduced to what retry, pacing and the breaker decide on. */
export type UpstreamFailure =
  | { kind: 'http'; status: number; retryAfter?: string }
  | { kind: 'network'; timedOut: boolean }
  | { kind: 'throttled'; cost?: QueryCost }
  | { kind: 'graphql'; codes: string[]; cost?: QueryCost };

/**
 * A classified upstream failure. Its message is built here from the classification only, never
 * from the library's message, so no header, URL or token can leak through it.
 */
export class UpstreamError extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(describe(failure));
    this.name = 'UpstreamError';
  }
}

function describe(f: UpstreamFailure): string {
  switch (f.kind) {
    case 'http':
      return `Shopify answered HTTP ${f.status}`;
    case 'network':
      return f.timedOut ? 'Shopify did not answer in time' : 'Shopify could not be reached';
    case 'throttled':
      return 'Shopify throttled the query';
    case 'graphql':
      return `Shopify rejected the query (${f.codes.join(', ') || 'no code'})`;
  }
}

/** Statuses meaning "this shop cannot be served right now" rather than "our request is wrong". */
const shopUnavailableStatuses = new Set([401, 402, 403, 404, 423]);

/** The one place upstream failures become coded, client-safe errors. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  if (!(err instanceof UpstreamError)) {
    return new GatewayError('INTERNAL_SERVER_ERROR', 'The Shopify connector failed unexpectedly');
  }
  const f = err.failure;
  switch (f.kind) {
    case 'throttled':
      return new GatewayError('UPSTREAM_THROTTLED', 'Shopify is throttling this shop', { reason: 'throttled' });
    case 'network':
      return new GatewayError('UPSTREAM_UNAVAILABLE', err.message, { reason: f.timedOut ? 'timeout' : 'network' });
    case 'graphql':
      return new GatewayError('INTERNAL_SERVER_ERROR', 'Shopify rejected the query', { upstreamCodes: f.codes });
    case 'http':
      if (f.status === 429) {
        return new GatewayError('UPSTREAM_THROTTLED', 'Shopify is throttling this shop', { upstreamStatus: 429 });
      }
      if (f.status >= 500 || shopUnavailableStatuses.has(f.status)) {
        return new GatewayError('UPSTREAM_UNAVAILABLE', 'Shopify is unavailable for this shop', {
          upstreamStatus: f.status,
        });
      }
      return new GatewayError('INTERNAL_SERVER_ERROR', 'Shopify rejected the request', { upstreamStatus: f.status });
  }
}
