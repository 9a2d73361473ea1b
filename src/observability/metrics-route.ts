import type { RequestHandler } from 'express';
import type { Database } from '../db/database';
import type { PluginState } from '../plugins/compose';
import type { GatewayMetrics } from './metrics';

/** Gauges read at scrape time, then the registry in Prometheus text format. */
export function metricsRoute(metrics: GatewayMetrics, database: Database): RequestHandler {
  return async (_req, res) => {
    for (const [pool, stats] of Object.entries(database.poolStats() ?? {})) {
      metrics.poolConnections.set({ pool, state: 'total' }, stats.total);
      metrics.poolConnections.set({ pool, state: 'idle' }, stats.idle);
      metrics.poolConnections.set({ pool, state: 'waiting' }, stats.waiting);
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/** Composition state of each plugin, fixed at start. */
export function recordPluginStates(metrics: GatewayMetrics, states: readonly PluginState[]): void {
  for (const s of states) {
    metrics.pluginState.set({ plugin: s.name, state: 'active' }, s.state === 'active' ? 1 : 0);
    metrics.pluginState.set({ plugin: s.name, state: 'quarantined' }, s.state === 'quarantined' ? 1 : 0);
  }
}
