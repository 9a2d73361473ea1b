import type { RequestHandler } from 'express';
import type { RateLimiter } from '../limits';
import { sendGraphQLError } from './respond';
import { authenticated } from '../observability/request-state';

/**
 * Refuses a caller whose budget is spent before anything parses its document. The cost of the operation
 * itself is taken after validation (src/limits/protection-plugin.ts), when it is known.
 */
export function rateLimitGate(limiter: RateLimiter): RequestHandler {
  return async (_req, res, next) => {
    const auth = authenticated(res);
    const decision = await limiter.admitsAny(auth.entry.tenant, auth.principal);
    if (decision.allowed) return next();
    sendGraphQLError(res, 'THROTTLED', `Too many requests: retry in ${decision.retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    });
  };
}
