import express, { type Express, type RequestHandler } from 'express';
import type { GatewayStatus } from '../sdk';
import { readinessRoute } from './readiness';
import { sendGraphQLError } from './respond';

/**
 * The operators' listener (ADMIN_PORT on ADMIN_HOST, 127.0.0.1 by default): Prometheus metrics and the
 * detailed status (every dependency, plugin with its source, tenant with its file and problems).
 * Nothing here is served on the public port.
 */
export function createAdminApp(deps: { status: () => Promise<GatewayStatus>; scrape: RequestHandler }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get(
    '/readyz',
    readinessRoute(deps.status, (status) => status),
  );
  app.get('/metrics', deps.scrape);
  app.use((_req, res) => sendGraphQLError(res, 'NOT_FOUND', 'Not found', { status: 404 }));
  return app;
}
