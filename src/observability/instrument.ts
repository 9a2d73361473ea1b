import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import type { Env } from '../config/env';
import type { PluginState } from '../plugins/compose';
import { observabilityPlugin } from './apollo-plugin';
import { createMetrics, type GatewayMetrics } from './metrics';
import { metricsRoute, recordPluginStates } from './metrics-route';
import { observeRequests } from './request-observer';
import type { RequestRecord } from './request-record';
import { observeSql } from './sql-observer';
import { createTracing, type Tracing } from './tracing';

export interface Instruments {
  metrics: GatewayMetrics;
  tracing: Tracing | null;
  /** Express middleware: request log line, request metrics, server span. */
  observer: RequestHandler;
  /** GET /metrics */
  metricsHandler: RequestHandler;
  apolloPlugin: ApolloServerPlugin<{ record?: RequestRecord }>;
  close: () => Promise<void>;
}

/** Logs, metrics and tracing of one gateway. */
export function instrument(parts: {
  env: Env;
  log: Logger;
  database: Database;
  states: readonly PluginState[];
  traceExporter?: SpanExporter;
}): Instruments {
  const { env, log, database } = parts;
  const metrics = createMetrics();
  const tracing = createTracing({
    endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: env.OTEL_SERVICE_NAME,
    exporter: parts.traceExporter,
  });
  recordPluginStates(metrics, parts.states);
  const stopSql = observeSql(database, metrics, tracing);
  return {
    metrics,
    tracing,
    observer: observeRequests({ log, metrics, tracing, operations: new Set(env.METRICS_OPERATIONS) }),
    metricsHandler: metricsRoute(metrics, database),
    apolloPlugin: observabilityPlugin(tracing),
    close: async () => {
      stopSql();
      await tracing?.shutdown().catch((err: unknown) => log.warn({ err }, 'trace export failed at shutdown'));
    },
  };
}
