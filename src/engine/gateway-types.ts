import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import type { GatewayStatus, PluginRuntime } from '../sdk';
import type { Env } from '../config/env';
import type { Composition } from '../plugins/compose';
import type { PluginCandidate } from '../plugins/load';
import type { GatewayMetrics } from '../observability/metrics';
import type { TenantRegistry } from '../tenants/registry';
import type { TenantProblem } from '../tenants/load';

export interface GatewayOptions {
  env: Env;
  log?: Logger;
  /** Plugin manifests to compose; discovered under resolvers/ (plus GATEWAY_PLUGIN_PATHS) when omitted. */
  plugins?: readonly (string | PluginCandidate)[];
  /** An open database to use (tests share one per file); created from env when omitted. */
  database?: Database;
  /** Apply pending migrations at start; 'retry': if the database is unreachable, serve (not ready) and retry. */
  migrate?: boolean | 'retry';
  /** Run the plugins' background jobs (the server does; tests run jobs directly). */
  jobs?: boolean;
  /** Export spans here (tests); otherwise OTEL_EXPORTER_OTLP_ENDPOINT decides. */
  traceExporter?: SpanExporter;
  /** Headers the explorer pre-fills (development demo credentials). */
  explorerHeaders?: Record<string, string>;
  /** The clock admin tokens and their signing keys' age are checked against; Date.now when omitted (tests). */
  clock?: () => number;
  /**
   * Rows read with only some columns throw when code reads an unselected one (a missing column need);
   * default: outside production. Tests of production behaviour turn it off.
   */
  guardPartialRows?: boolean;
}

/** What only the benchmark builds otherwise; createGateway builds it as deployed. */
export interface GatewayBuild {
  /** graphql-shield and the row-level security role (off: the benchmark's price of authorization). */
  authorization: boolean;
  /** The `x-sql-statements` response header, the statements each request sent, for tests and the benchmark. */
  statementCount: boolean;
}

export interface Gateway {
  app: Express;
  /** The operators' app: /metrics and the detailed /readyz (src/http/admin-app.ts). */
  adminApp: Express;
  composition: Composition;
  registry: TenantRegistry;
  database: Database;
  runtime: PluginRuntime;
  log: Logger;
  /** Migrations applied at start (`plugin/name`). */
  migrated: string[];
  /** Resolves with the applied migrations once done (at start, or later when they waited for the database). */
  migrations: Promise<string[]>;
  metrics: GatewayMetrics;
  status(): Promise<GatewayStatus>;
  /** Re-reads the tenant files (SIGHUP); a tenant whose new file is bad keeps its last good configuration. */
  reloadTenants(): TenantProblem[];
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Serves the operators' app on its own listener (ADMIN_PORT on ADMIN_HOST); closed last by stop(). */
  listenAdmin(port?: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests finish, tears plugins down, closes its own database. */
  stop(): Promise<void>;
}
