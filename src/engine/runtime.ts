import { join, resolve } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createDatabase, type Database } from '../db/database';
import { migrateUp } from '../db/migrator';
import { withTenant } from '../db/tenant-session';
import { projectRoot, type PluginRuntime } from '../sdk';
import { applyAuthorization } from '../auth/shield';
import { createServiceTokenSigner, type ServiceTokenSigner } from '../auth/service-tokens';
import { ConfigError, type Env } from '../config/env';
import type { Composition } from '../plugins/compose';
import { codeRoot, discoverPlugins } from '../plugins/discover';
import { loadPlugin, type PluginCandidate } from '../plugins/load';
import { adminScopesOf, alwaysOnOf } from '../plugins/manifest-facts';
import type { CallObserver } from '../plugins/remote/client';
import { resolveRemotes, type RemoteDeps } from '../plugins/remote/resolve';
import type { createResponseCache } from '../cache';
import { instrument, type Instruments } from '../observability/instrument';
import type { Tracing } from '../observability/tracing';
import { currentRecord } from '../observability/request-record';
import type { CallSpan } from '../plugins/remote/client';
import { registerPluginCounters } from '../observability/plugin-counters';
import { personalDataOf } from '../plugins/personal-data';
import { paymentProvidersOf, tenantConfigsOf } from '../plugins/payment-providers';
import { TenantRegistry } from '../tenants/registry';
import { loadTenants } from '../tenants/report';
import { applyPluginAccess } from './guard/plugin-access';
import { PluginGuard } from './guard/plugin-guard';
import type { GatewayBuild, GatewayOptions } from './gateway-types';
import type { Lifecycle } from './lifecycle';
import { startMigrations, type MigrationState } from './migration-retry';
import { pluginMigrations } from './migrations';
import { composeServed } from './subgraph';

type ResponseCache = ReturnType<typeof createResponseCache>;

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

/**
 * The span of one call to a remote service: a client span under the request's execution span (the
 * request is found through the tracing's async context); none outside a request (reading a schema) or
 * with tracing off.
 */
function remoteCallSpan(tracing: Tracing | null | undefined, connector: string, url: string): CallSpan | undefined {
  const record = tracing && currentRecord();
  if (!tracing || !record) return undefined;
  const span = tracing.start(`graphql.remote ${connector}`, {
    parent: record.executionSpan ?? record.httpSpan,
    client: true,
    attributes: { 'retail.connector': connector, 'server.address': new URL(url).host },
  });
  return {
    traceparent: tracing.traceparent(span),
    end: (outcome) => {
      span.setAttributes({ 'retail.outcome': outcome });
      if (outcome !== 'ok') span.fail(outcome);
      span.end();
    },
  };
}

/** Runs each plugin's setup; a plugin whose setup fails is quarantined like one that failed to load. */
async function setUp(candidates: PluginCandidate[], env: Env, runtime: PluginRuntime): Promise<Composition> {
  const composition = composeServed(candidates, env.GATEWAY_REQUIRED_PLUGINS, env.FEDERATION_SUBGRAPH);
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

/** Everything a gateway serves, built before any request: plugins, tenants, instruments and the schema. */
export interface GatewayRuntime {
  runtime: PluginRuntime;
  composition: Composition;
  migrations: MigrationState;
  registry: TenantRegistry;
  instruments: Instruments;
  guard: PluginGuard;
  /** The composed schema wrapped, inside out, by the plugin guard, authorization and plugin access. */
  schema: GraphQLSchema;
  /** The same wrapping for another composition: a remote service that joins later (./remote-retry.ts). */
  servedSchema: (composition: Composition) => GraphQLSchema;
  /** Remote services: the plugins as discovered, as composed, and what their calls need. */
  remotes: { discovered: PluginCandidate[]; composed: PluginCandidate[]; deps: RemoteDeps; signer: ServiceTokenSigner };
}

export interface RuntimeParts {
  options: GatewayOptions;
  build: GatewayBuild;
  log: Logger;
  database: Database;
  cache: ResponseCache;
  lifecycle: Lifecycle;
  tenantsDir: string;
}

/** The services plugins get outside a request; tenant work runs under the response cache's bookkeeping. */
function pluginRuntime({ options, log, database, cache }: RuntimeParts, registry: () => TenantRegistry | undefined) {
  const runtime: PluginRuntime = {
    db: database.db,
    withTenant: (tenantId, fn) => {
      const run = () => withTenant(database.db, tenantId, options.env.DATABASE_APP_ROLE, fn);
      return cache ? cache.around(tenantId, run) : run();
    },
    tenants: () =>
      registry()
        ?.list()
        .map((e) => e.tenant) ?? [],
    log,
  };
  return runtime;
}

/** The tenant files read against the composed plugins; refuses to start with no valid tenant. */
function tenantRegistry(parts: RuntimeParts, composition: Composition, alwaysOn: ReadonlySet<string>): TenantRegistry {
  const registry = new TenantRegistry(parts.tenantsDir, {
    plugins: tenantConfigsOf(composition.plugins),
    quarantined: new Set(composition.states.filter((s) => s.state === 'quarantined').map((s) => s.name)),
    alwaysOn,
    adminScopes: adminScopesOf(composition.plugins),
    env: process.env,
    refuseWeakSecrets: parts.options.env.NODE_ENV === 'production',
    now: parts.options.clock,
  });
  const problems = loadTenants(registry, parts.log);
  if (registry.list().length === 0) {
    const reasons = problems.map((p) => `  ${p.file}:\n    ${p.problems.join('\n    ')}`).join('\n');
    throw new ConfigError(`No valid tenant configuration:\n${reasons || '  (no tenant files)'}`);
  }
  return registry;
}

/** Composes the plugins, migrates, reads the tenants, and wraps the schema in the guard and the rules. */
export async function buildRuntime(parts: RuntimeParts): Promise<GatewayRuntime> {
  const { options, build, log, database, lifecycle } = parts;
  const { env } = options;
  // Plugins' setup may ask for the tenants before they are read: none yet.
  const registryRef: { current?: TenantRegistry } = {};
  const runtime = pluginRuntime(parts, () => registryRef.current);
  const signer = await createServiceTokenSigner(env.SERVICE_TOKEN_PRIVATE_KEY);
  // Remote calls are observed once the metrics exist (below); their services are read before.
  const remoteCalls: { observe?: CallObserver; tracing?: Tracing | null } = {};
  const deps: RemoteDeps = {
    signer,
    timeoutOf: (plugin) => env.PLUGIN_TIMEOUTS[plugin] ?? env.PLUGIN_TIMEOUT_MS,
    observe: (connector, outcome, seconds) => remoteCalls.observe?.(connector, outcome, seconds),
    tracer: (connector, url) => remoteCallSpan(remoteCalls.tracing, connector, url),
  };
  const discovered = candidatesFrom(env, options.plugins);
  const composed = await resolveRemotes(discovered, deps);
  const composition = await setUp(composed, env, runtime);
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
  const alwaysOn = alwaysOnOf(composition.plugins);
  const registry = (registryRef.current = tenantRegistry(parts, composition, alwaysOn));

  const instruments = instrument({
    env,
    log,
    database,
    states: composition.states,
    traceExporter: options.traceExporter,
  });
  lifecycle.onClose(instruments.close);
  remoteCalls.tracing = instruments.tracing;
  remoteCalls.observe = (connector, outcome, seconds) =>
    instruments.metrics.remoteCalls.observe({ connector, outcome }, seconds);
  runtime.metrics = registerPluginCounters(instruments.metrics.registry, composition.plugins);
  runtime.personalData = personalDataOf(composition.plugins);
  runtime.paymentProviders = paymentProvidersOf(composition.plugins);
  runtime.orderCancellation = composition.plugins.find((p) => p.orderCancellation)?.orderCancellation ?? null;
  parts.cache?.countFailuresIn(instruments.metrics.responseCacheErrors);
  const guard = new PluginGuard({
    timeoutMs: env.PLUGIN_TIMEOUT_MS,
    timeouts: env.PLUGIN_TIMEOUTS,
    failureThreshold: env.PLUGIN_CIRCUIT_FAILURES,
    coolDownMs: env.PLUGIN_CIRCUIT_COOLDOWN_MS,
    log,
    metrics: instruments.metrics,
  });
  const servedSchema = (c: Composition) => {
    const guarded = guard.apply(c.schema, c.plugins);
    const authorized = build.authorization ? applyAuthorization(guarded, c.plugins) : guarded;
    return applyPluginAccess(authorized, c.owners, alwaysOn);
  };
  return {
    runtime,
    composition,
    migrations,
    registry,
    instruments,
    guard,
    schema: servedSchema(composition),
    servedSchema,
    remotes: { discovered, composed, deps, signer },
  };
}
