import { GraphqlQueryError, HttpResponseError } from '@shopify/shopify-api';
import { getHeader } from '@shopify/shopify-api/runtime';
import { UpstreamError } from './errors';
import type { QueryCost } from './types';

/**
 * Turns what `GraphqlClient.request` throws into an UpstreamError. The library reports a THROTTLED
 * answer (HTTP 200 with errors) as a GraphqlQueryError and HTTP failures as HttpResponseError
 * subclasses carrying the raw Retry-After header, which retry.ts reads as seconds.
 */
export function classifyLibraryError(err: unknown, timedOut: boolean): UpstreamError {
  if (err instanceof UpstreamError) return err;
  if (err instanceof GraphqlQueryError) {
    const cost = readCost(err.body);
    const codes = graphqlErrorCodes(err.body);
    if (codes.includes('THROTTLED')) return new UpstreamError({ kind: 'throttled', cost });
    return new UpstreamError({ kind: 'graphql', codes, cost });
  }
  if (err instanceof HttpResponseError) {
    const headers = err.response.headers as Parameters<typeof getHeader>[0];
    return new UpstreamError({
      kind: 'http',
      status: err.response.code,
      retryAfter: getHeader(headers, 'Retry-After'),
    });
  }
  // Otherwise there was no response: HttpRequestError (reset, refused, DNS, aborted by our timeout).
  return new UpstreamError({ kind: 'network', timedOut });
}

export function readCost(body: unknown): QueryCost | undefined {
  const cost = (body as { extensions?: { cost?: QueryCost } } | undefined)?.extensions?.cost;
  return cost && typeof cost.throttleStatus === 'object' ? cost : undefined;
}

function graphqlErrorCodes(body: unknown): string[] {
  const errors = (body as { errors?: { graphQLErrors?: unknown } } | undefined)?.errors?.graphQLErrors;
  if (!Array.isArray(errors)) return [];
  return errors
    .map((e: { extensions?: { code?: unknown } }) => e?.extensions?.code)
    .filter((c): c is string => typeof c === 'string');
}
