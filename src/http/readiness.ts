import type { RequestHandler } from 'express';
import type { GatewayStatus } from '../sdk';

/** What anyone may learn from the public /readyz: ready or not, and whether each dependency answers. */
export interface PublicReadiness {
  ready: boolean;
  checks: Record<string, 'ok' | 'failing'>;
}

/** Dependency names without their detail (`database (pg)` is `database`): no tenant, path, variable or plugin. */
export function publicReadiness(status: GatewayStatus): PublicReadiness {
  const checks = status.dependencies.map((d) => [d.name.replace(/\s*\(.*\)$/, ''), d.ok ? 'ok' : 'failing'] as const);
  return { ready: status.ready, checks: Object.fromEntries(checks) };
}

/** /readyz: 200 when ready, else 503, with the given view of the status. */
export function readinessRoute(
  status: () => Promise<GatewayStatus>,
  view: (status: GatewayStatus) => unknown,
): RequestHandler {
  return async (_req, res) => {
    const current = await status();
    res.status(current.ready ? 200 : 503).json(view(current));
  };
}
