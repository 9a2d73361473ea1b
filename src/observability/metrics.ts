import type { Request } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's Prometheus metrics, on a registry of its own (several gateways in one process do not
 * clash). Label values are bounded: tenants are configured ids, codes the API's enum, operation names
 * only those listed in METRICS_OPERATIONS (others are "other").
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'gateway_requests_total',
      help: 'HTTP requests by tenant, GraphQL operation type and name, and outcome code',
      labelNames: ['tenant', 'operation_type', 'operation', 'code'] as const,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'gateway_request_duration_seconds',
      help: 'HTTP request duration by tenant, GraphQL operation type and outcome code',
      labelNames: ['tenant', 'operation_type', 'code'] as const,
      buckets: SECONDS,
      registers,
    }),
    sqlStatements: new Counter({
      name: 'gateway_sql_statements_total',
      help: 'SQL statements sent, by outcome (ok or error)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    sqlDuration: new Histogram({
      name: 'gateway_sql_duration_seconds',
      help: 'SQL statement duration',
      buckets: SECONDS,
      registers,
    }),
    poolConnections: new Gauge({
      name: 'gateway_db_pool_connections',
      help: 'Database pool connections by pool (requests, engine) and state (total, idle, waiting callers)',
      labelNames: ['pool', 'state'] as const,
      registers,
    }),
    pluginState: new Gauge({
      name: 'gateway_plugin_state',
      help: 'Plugins by composition state (1 for the state the plugin is in)',
      labelNames: ['plugin', 'state'] as const,
      registers,
    }),
    pluginCircuit: new Gauge({
      name: 'gateway_plugin_circuit_state',
      help: "A plugin's resolver circuit: 0 closed, 1 half-open, 2 open",
      labelNames: ['plugin'] as const,
      registers,
    }),
    pluginErrors: new Counter({
      name: 'gateway_plugin_errors_total',
      help: "Failures of a plugin's resolvers by code (timeouts, unexpected errors, open circuit)",
      labelNames: ['plugin', 'code'] as const,
      registers,
    }),
    remoteCalls: new Histogram({
      name: 'gateway_remote_call_duration_seconds',
      help: 'Calls to remote services (federated connectors) by connector and outcome (ok or error code)',
      labelNames: ['connector', 'outcome'] as const,
      buckets: SECONDS,
      registers,
    }),
    rateLimitRejections: new Counter({
      name: 'gateway_rate_limit_rejections_total',
      help: 'Requests refused by a rate or cost limit, by tenant and limit',
      labelNames: ['tenant', 'limit'] as const,
      registers,
    }),
    responseCacheErrors: new Counter({
      name: 'gateway_response_cache_errors_total',
      help: 'Storefront response cache store failures (the request ran without the cache), by operation',
      labelNames: ['operation'] as const,
      registers,
    }),
    unhandledRejections: new Counter({
      name: 'gateway_unhandled_rejections_total',
      help: 'Promise rejections no code handled (logged; the process keeps serving)',
      registers,
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createMetrics>;

/** The metrics of the gateway serving this request, for middleware (e.g. `rateLimitRejections`). */
export function metricsOf(req: Request): GatewayMetrics | undefined {
  return req.app.locals.metrics as GatewayMetrics | undefined;
}
