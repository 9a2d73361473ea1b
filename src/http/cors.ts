import type { Request, RequestHandler, Response } from 'express';
import type { TenantRegistry } from '../tenants/registry';
import { sendGraphQLError } from './respond';
import { requestState } from '../observability/request-state';

/**
 * CORS per tenant. The tenant is known only after authentication, and a preflight carries no
 * credentials, so the preflight (and any error before authentication) allows the union of every
 * tenant's origins; the actual request is then held to its own tenant's list.
 */
const ALLOWED_HEADERS = [
  'content-type',
  'x-storefront-token',
  'x-customer-access-token',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
];
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

function sameOrigin(req: Request, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function allowOrigin(res: Response, origin: string) {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/** Answers preflights and marks responses readable by any tenant's origin; refines nothing yet. */
export function corsForAnyTenant(registry: TenantRegistry): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const known = origin !== undefined && registry.list().some((e) => e.tenant.cors.origins.includes(origin));
    if (origin && known) allowOrigin(res, origin);
    if (req.method !== 'OPTIONS') return next();
    if (origin && known) {
      const asked = String(req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => ALLOWED_HEADERS.includes(h));
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', asked.join(', ') || ALLOWED_HEADERS.join(', '));
      res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    }
    res.status(204).end();
  };
}

/** After authentication: a cross-origin request from an origin its tenant did not list is refused. */
export const corsForTenant: RequestHandler = (req, res, next) => {
  const origin = req.headers.origin;
  const { auth } = requestState(res);
  if (!origin || !auth || sameOrigin(req, origin) || auth.entry.tenant.cors.origins.includes(origin)) return next();
  res.removeHeader('Access-Control-Allow-Origin');
  res.removeHeader('Access-Control-Expose-Headers');
  sendGraphQLError(res, 'FORBIDDEN', 'This origin is not allowed for this shop', { status: 403 });
};
