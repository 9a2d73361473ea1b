import type { RequestHandler } from 'express';
import type { RateLimiter } from '../limits';
import type { TenantRegistry } from '../tenants/registry';
import { jsonBody } from './json-body';
import { corsForAnyTenant, corsForTenant } from './cors';
import { rateLimitGate } from './rate-limit-middleware';
import { methodAndContentType, requestParameters } from './request-shape';
import { schemaAccess } from './schema-access';
import { securityHeaders } from './security-headers';

export interface EdgeOptions {
  registry: TenantRegistry;
  limiter: RateLimiter;
  bodyLimitBytes: number;
  maxDocumentBytes: number;
  introspection: boolean;
}

/** The guards of the HTTP edge, by the place in the app where each runs (src/http/app.ts). */
export interface Edge {
  /** Every route: security headers, CORS preflight. */
  early: RequestHandler[];
  /** /graphql before authentication: method, content type, and the body, read within its size limit. */
  read: RequestHandler[];
  /** /graphql after reading: the request's parameters. */
  parameters: RequestHandler[];
  /** /graphql after authentication: the tenant's CORS origins, then the rate budget. */
  authenticated: RequestHandler[];
  /** /graphql/schema.graphql. */
  schema: RequestHandler;
}

export function createEdge(options: EdgeOptions): Edge {
  return {
    early: [securityHeaders, corsForAnyTenant(options.registry)],
    read: [methodAndContentType, jsonBody(options.bodyLimitBytes)],
    parameters: [requestParameters(options.maxDocumentBytes)],
    authenticated: [corsForTenant, rateLimitGate(options.limiter)],
    schema: schemaAccess(options.registry, options.introspection),
  };
}
