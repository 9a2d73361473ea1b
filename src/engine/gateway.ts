import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Express } from 'express';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from 'pino';
import { createDatabase, type Database } from '../db/database';
import { migrateUp } from '../db/migrator';
import { withTenant } from '../db/tenant-session';
import { projectRoot, type GatewayStatus, type PluginDefinition, type PluginRuntime } from '../sdk';
import { applyAuthorization } from '../auth/shield';
import { ConfigError, type Env } from '../config/env';
import { variablesNamedIn } from '../config/dev-secrets';
import { refuseWeakSecrets } from '../config/secret-strength';
import { composePlugins, type Composition } from '../plugins/compose';
import { codeRoot, discoverPlugins } from '../plugins/discover';
import { loadPlugin, type PluginCandidate } from '../plugins/load';
import { createApp } from '../http/app';
import { createAdminApp } from '../http/admin-app';
import { operatorEntry } from '../auth/operator';
import { createResponseCache } from '../cache';
import { apqOptions, trustedDocuments, withTrustedDocuments } from '../documents';
import { onceAcrossInstances } from '../jobs';
import { createFormatError } from '../http/errors';
import { createEdge } from '../http/edge';
import { createHttpServer, type HttpTimeouts } from '../http/server';
import { createProtection, MAX_RECURSIVE_SELECTIONS, PARSE_MAX_TOKENS } from '../limits';
import { createLogger } from '../observability/logger';
import { instrument } from '../observability/instrument';
import type { GatewayMetrics } from '../observability/metrics';
import { adminScopesOf, alwaysOnOf } from '../plugins/manifest-facts';
import { registerPluginCounters } from '../observability/plugin-counters';
import { applyPluginAccess } from './guard/plugin-access';
import { PluginGuard } from './guard/plugin-guard';
import { Lifecycle } from './lifecycle';
import { startMigrations } from './migration-retry';
import { TenantRegistry } from '../tenants/registry';
import type { TenantProblem } from '../tenants/load';
import { loadTenants } from '../tenants/report';
import { contextFactory, type RequestContext } from './context';
import { cachedStatus, gatewayStatus } from './status';
import { errorLoggingPlugin } from './error-logging-plugin';
import { jitGateway } from './jit-gateway';
import { throttledFieldPlugin } from './throttled-field-plugin';
import { requestPlanPlugin } from './request-plan-plugin';
import { pluginMigrations } from './migrations';

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

export function candidatesFrom(env: Env, plugins?: readonly (string | PluginCandidate)[]): PluginCandidate[] {
  const list = plugins ?? discoverPlugins(projectRoot(), env.GATEWAY_PLUGIN_PATHS, codeRoot());
  return list.map((p) => (typeof p === 'string' ? loadPlugin(resolve(p)) : p));
}

export async function createDatabaseFromEnv(env: Env, log: Logger): Promise<Database> {
  return createDatabase({
    url: env.DATABASE_URL,
    pgliteDir: env.NODE_ENV === 'test' ? undefined : join(resolve(env.DATA_DIR), 'pglite'),
    poolMax: env.DATABASE_POOL_MAX,
    enginePoolMax: env.DATABASE_ENGINE_POOL_MAX,
    transactionPooler: env.DATABASE_TRANSACTION_POOLER,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    log,
  });
}

/** Runs each plugin's setup; a plugin whose setup fails is quarantined like one that failed to load. */
async function setUp(candidates: PluginCandidate[], env: Env, runtime: PluginRuntime): Promise<Composition> {
  const composition = composePlugins(candidates, env.GATEWAY_REQUIRED_PLUGINS);
  for (const plugin of composition.plugins) {
    try {
      await plugin.setup?.(runtime);
    } catch (error) {
      const reason = `setup failed: ${error instanceof Error ? error.message : String(error)}`;
      const failed = candidates.map((c) => (c.plugin === plugin ? { source: c.source, importError: reason } : c));
      return setUp(failed, env, runtime);
    }
  }
  return composition;
}

/** What only the benchmark builds otherwise; createGateway builds it as deployed. */
export interface GatewayBuild {
  /** graphql-shield and the row-level security role (off: the benchmark's price of authorization). */
  authorization: boolean;
  /** The `x-sql-statements` response header, the statements each request sent, for tests and the benchmark. */
  statementCount: boolean;
}

/** The gateway as deployed: authorization always on; statement counts sent outside production only. */
export function createGateway(options: GatewayOptions): Promise<Gateway> {
  return buildGateway(options, { authorization: true, statementCount: options.env.NODE_ENV !== 'production' });
}

/** createGateway with the parts the benchmark varies; only bench/ calls it (test/engine/layering.test.ts). */
export async function buildGateway(options: GatewayOptions, build: GatewayBuild): Promise<Gateway> {
  const { env } = options;
  const production = env.NODE_ENV === 'production';
  const tenantsDir = resolve(projectRoot(), env.TENANTS_DIR);
  if (production) refuseWeakSecrets([...variablesNamedIn(tenantsDir), 'OPERATOR_JWT_SECRET'], process.env);
  const operators = operatorEntry(env.OPERATOR_JWT_SECRET, options.clock);
  const log = options.log ?? createLogger(env.LOG_LEVEL);
  const database = options.database ?? (await createDatabaseFromEnv(env, log));
  const registryRef: { current?: TenantRegistry } = {};
  const cache = createResponseCache(env, log);
  const runtime: PluginRuntime = {
    db: database.db,
    withTenant: (tenantId, fn) => {
      const run = () => withTenant(database.db, tenantId, env.DATABASE_APP_ROLE, fn);
      return cache ? cache.around(tenantId, run) : run();
    },
    tenants: () => registryRef.current?.list().map((e) => e.tenant) ?? [],
    log,
  };
  const lifecycle = new Lifecycle(env);
  if (cache) lifecycle.onClose(cache.close);
  try {
    const composition = await setUp(candidatesFrom(env, options.plugins), env, runtime);
    for (const s of composition.states.filter((s) => s.state === 'quarantined')) {
      log.error({ plugin: s.name, source: s.source, reason: s.reason }, 'plugin quarantined');
    }
    const migrations = await startMigrations(
      options.migrate,
      () => migrateUp(database.db, pluginMigrations(composition.plugins)),
      log,
      (pending) => (lifecycle.availability.migrationsPending = pending),
    );
    lifecycle.trackMigrations(migrations);
    const migrated = migrations.applied;

    const alwaysOn = alwaysOnOf(composition.plugins);
    const registry = new TenantRegistry(tenantsDir, {
      plugins: new Map(composition.plugins.map((p) => [p.name, p.tenantConfig])),
      quarantined: new Set(composition.states.filter((s) => s.state === 'quarantined').map((s) => s.name)),
      alwaysOn,
      adminScopes: adminScopesOf(composition.plugins),
      env: process.env,
      refuseWeakSecrets: production,
      now: options.clock,
    });
    registryRef.current = registry;
    const problems = loadTenants(registry, log);
    if (registry.list().length === 0) {
      const reasons = problems.map((p) => `  ${p.file}:\n    ${p.problems.join('\n    ')}`).join('\n');
      throw new ConfigError(`No valid tenant configuration:\n${reasons || '  (no tenant files)'}`);
    }

    const instruments = instrument({
      env,
      log,
      database,
      states: composition.states,
      traceExporter: options.traceExporter,
    });
    lifecycle.onClose(instruments.close);
    runtime.metrics = registerPluginCounters(instruments.metrics.registry, composition.plugins);
    cache?.countFailuresIn(instruments.metrics.responseCacheErrors);
    const guard = new PluginGuard({
      timeoutMs: env.PLUGIN_TIMEOUT_MS,
      timeouts: env.PLUGIN_TIMEOUTS,
      failureThreshold: env.PLUGIN_CIRCUIT_FAILURES,
      coolDownMs: env.PLUGIN_CIRCUIT_COOLDOWN_MS,
      log,
      metrics: instruments.metrics,
    });
    const guarded = guard.apply(composition.schema, composition.plugins);
    const authorized = build.authorization ? applyAuthorization(guarded, composition.plugins) : guarded;
    const schema = applyPluginAccess(authorized, composition.owners, alwaysOn);
    const status = cachedStatus(() =>
      gatewayStatus({
        database,
        composition,
        registry,
        runtime,
        probes: lifecycle.probes,
        circuitOf: (plugin) => guard.circuitState(plugin),
      }),
    );
    const protection = createProtection(env, composition.plugins, log);
    const apq = apqOptions(env);
    lifecycle.onClose(apq.close);
    const documents = trustedDocuments(
      tenantsDir,
      registry.list().map((e) => e.tenant.id),
      log,
    );
    const apollo = new ApolloServer<RequestContext>({
      // Compiled execution (graphql-jit) behind Apollo's gateway interface: same schema, same pipeline.
      gateway: jitGateway(schema),
      formatError: createFormatError({ development: env.NODE_ENV === 'development' }),
      includeStacktraceInErrorResponses: false,
      // Shutdown is the server's (drain, then exit 0). Apollo's own handler, on by default outside
      // NODE_ENV=test, would stop at once and kill the process with the signal, dropping requests in flight.
      stopOnTerminationSignals: false,
      hideSchemaDetailsFromClientErrors: env.NODE_ENV !== 'development',
      // Introspection is checked per caller (admins may always) in the protection plugin.
      introspection: true,
      csrfPrevention: true,
      parseOptions: { maxTokens: PARSE_MAX_TOKENS },
      persistedQueries: apq.options,
      maxRecursiveSelections: MAX_RECURSIVE_SELECTIONS,
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
        instruments.apolloPlugin,
        protection.plugin,
        ...(cache ? [cache.plugin] : []),
        requestPlanPlugin({ statementCount: build.statementCount }),
        throttledFieldPlugin,
        errorLoggingPlugin(composition.plugins),
      ],
    });
    await apollo.start();
    const buildContext = contextFactory({
      db: database.requests,
      appRole: build.authorization ? env.DATABASE_APP_ROLE : '',
      plugins: composition.plugins,
      gateway: { status },
      guardPartialRows: options.guardPartialRows ?? !production,
      batchGuard: (plugin) => guard.batchGuard(plugin),
      buckets: protection.store,
    });
    const app = createApp({
      apollo,
      schema,
      registry,
      plugins: composition.plugins,
      runtime,
      log,
      buildContext,
      status,
      explorer: { enabled: env.EXPLORER, defaultHeaders: options.explorerHeaders ?? {} },
      operations: {
        metrics: instruments.metrics,
        observe: instruments.observer,
        gate: lifecycle.availability.gate(),
      },
      operators,
      edge: withTrustedDocuments(
        createEdge({
          registry,
          limiter: protection.limiter,
          bodyLimitBytes: env.BODY_LIMIT_BYTES,
          maxDocumentBytes: env.MAX_DOCUMENT_BYTES,
          introspection: env.INTROSPECTION,
        }),
        documents,
      ),
    });
    if (options.jobs) lifecycle.startJobs(onceAcrossInstances(composition.plugins, database), runtime, log);
    return assemble({
      app,
      adminApp: createAdminApp({ status, scrape: instruments.metricsHandler }),
      composition,
      registry,
      database,
      runtime,
      log,
      status,
      apollo,
      migrated,
      migrations: migrations.done,
      metrics: instruments.metrics,
      lifecycle,
      graceMs: env.SHUTDOWN_GRACE_MS,
      http: {
        headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
      ownsDatabase: !options.database,
    });
  } catch (error) {
    await lifecycle.drain();
    await lifecycle.close();
    if (!options.database) await database.close().catch(() => undefined);
    throw error;
  }
}

interface Parts extends Omit<Gateway, 'listen' | 'listenAdmin' | 'stop' | 'reloadTenants'> {
  apollo: ApolloServer<RequestContext>;
  lifecycle: Lifecycle;
  graceMs: number;
  http: HttpTimeouts;
  /** False when the caller passed the database in: then the caller closes it. */
  ownsDatabase: boolean;
}

function assemble(parts: Parts): Gateway {
  let server: Server | undefined;
  let adminServer: Server | undefined;
  let stopping: Promise<void> | undefined;
  const teardown = async (plugins: readonly PluginDefinition[]) => {
    for (const plugin of [...plugins].reverse()) {
      await Promise.resolve(plugin.teardown?.(parts.runtime)).catch((err: unknown) =>
        parts.log.error({ err, plugin: plugin.name }, 'plugin teardown failed'),
      );
    }
  };
  return {
    app: parts.app,
    adminApp: parts.adminApp,
    composition: parts.composition,
    registry: parts.registry,
    database: parts.database,
    runtime: parts.runtime,
    log: parts.log,
    migrated: parts.migrated,
    migrations: parts.migrations,
    metrics: parts.metrics,
    status: parts.status,
    reloadTenants: () => loadTenants(parts.registry, parts.log, true),
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolveListen, reject) => {
        server = createHttpServer(parts.app, parts.http);
        server.once('error', reject);
        server.listen(port, host, () => resolveListen(server!.address() as AddressInfo));
      }),
    listenAdmin: (port = 0, host = '127.0.0.1') =>
      new Promise((resolveListen, reject) => {
        const admin = (adminServer = createHttpServer(parts.adminApp, parts.http));
        admin.once('error', reject);
        admin.listen(port, host, () => resolveListen(admin.address() as AddressInfo));
      }),
    stop: () =>
      (stopping ??= (async () => {
        const drained = parts.lifecycle.drain();
        if (server) {
          const closed = new Promise<void>((r) => server!.close(() => r()));
          // Keep-alive connections go as soon as their in-flight request has been answered.
          const sweep = setInterval(() => server?.closeIdleConnections(), 100);
          server.closeIdleConnections();
          const timer = setTimeout(() => server?.closeAllConnections(), parts.graceMs);
          await closed;
          clearTimeout(timer);
          clearInterval(sweep);
        }
        await drained;
        await parts.apollo.stop();
        await teardown(parts.composition.plugins);
        await parts.lifecycle.close();
        // Operators can watch the drain to its end: their listener closes last.
        const admin = adminServer;
        if (admin) {
          const closed = new Promise<void>((r) => admin.close(() => r()));
          admin.closeAllConnections();
          await closed;
        }
        if (parts.ownsDatabase) await parts.database.close();
      })()),
  };
}
