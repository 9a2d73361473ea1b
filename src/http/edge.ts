import express, { type RequestHandler } from 'express';
import type { RateLimiter } from '../limits';
import type { TenantRegistry } from '../tenants/registry';
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
  /** /graphql before authentication: method, content type, body size and JSON, parameters. */
  request: RequestHandler[];
  /** /graphql after authentication: the tenant's CORS origins, then the rate budget. */
  authenticated: RequestHandler[];
  /** /graphql/schema.graphql. */
  schema: RequestHandler;
}

export function createEdge(options: EdgeOptions): Edge {
  return {
    early: [securityHeaders, corsForAnyTenant(options.registry)],
    request: [
      methodAndContentType,
      express.json({ limit: options.bodyLimitBytes }),
      requestParameters(options.maxDocumentBytes),
    ],
    authenticated: [corsForTenant, rateLimitGate(options.limiter)],
    schema: schemaAccess(options.registry, options.introspection),
  };
}
