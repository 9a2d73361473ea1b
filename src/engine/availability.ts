import type { RequestHandler } from 'express';
import { sendGraphQLError } from '../http/respond';

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Whether the gateway takes new work: not while its migrations wait for the database, nor once it
 * drains for shutdown (in-flight requests still finish). Probes always pass.
 */
export class Availability {
  draining = false;
  migrationsPending = false;

  gate(): RequestHandler {
    return (req, res, next) => {
      if (PROBES.has(req.path) || (!this.draining && !this.migrationsPending)) return next();
      if (this.draining) {
        res.setHeader('Connection', 'close');
        return sendGraphQLError(res, 'SERVICE_UNAVAILABLE', 'The server is shutting down; retry shortly', {
          headers: { 'Retry-After': '1' },
        });
      }
      sendGraphQLError(res, 'SERVICE_UNAVAILABLE', 'The service is starting; retry shortly', {
        headers: { 'Retry-After': '5' },
      });
    };
  }
}
