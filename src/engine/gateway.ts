import { resolve } from 'node:path';
import { projectRoot } from '../sdk';
import { variablesNamedIn } from '../config/dev-secrets';
import { refuseWeakSecrets } from '../config/secret-strength';
import { createApp } from '../http/app';
import { createAdminApp } from '../http/admin-app';
import { operatorEntry } from '../auth/operator';
import { createResponseCache } from '../cache';
import { apqOptions, trustedDocuments, withTrustedDocuments } from '../documents';
import { onceAcrossInstances } from '../jobs';
import { createEdge } from '../http/edge';
import { createProtection } from '../limits';
import { createLogger } from '../observability/logger';
import { startApollo } from './apollo';
import { contextFactory } from './context';
import { errorLoggingPlugin } from './error-logging-plugin';
import type { Composition } from '../plugins/compose';
import { tenantConfigsOf } from '../plugins/payment-providers';
import { withLifecycle } from './gateway-lifecycle';
import type { Gateway, GatewayBuild, GatewayOptions } from './gateway-types';
import { Lifecycle } from './lifecycle';
import { jitGateway } from './jit-gateway';
import { retryQuarantinedRemotes } from './remote-retry';
import { requestPlanPlugin } from './request-plan-plugin';
import { throttledFieldPlugin } from './throttled-field-plugin';
import { buildRuntime, createDatabaseFromEnv } from './runtime';
import { cachedStatus, gatewayStatus } from './status';
import { composeServed } from './subgraph';

export type { Gateway, GatewayBuild, GatewayOptions } from './gateway-types';
export { candidatesFrom, createDatabaseFromEnv } from './runtime';

/** The gateway as deployed: authorization always on; statement counts sent outside production only. */
export function createGateway(options: GatewayOptions): Promise<Gateway> {
  return buildGateway(options, { authorization: true, statementCount: options.env.NODE_ENV !== 'production' });
}

/**
 * createGateway with the parts the benchmark varies; only bench/ calls it (test/engine/layering.test.ts).
 * Builds the runtime (./runtime.ts), Apollo with its plugins in order (./apollo.ts) and the HTTP apps,
 * and hands them to the lifecycle (./gateway-lifecycle.ts); on a failure, undoes what was started.
 */
export async function buildGateway(options: GatewayOptions, build: GatewayBuild): Promise<Gateway> {
  const { env } = options;
  const production = env.NODE_ENV === 'production';
  const tenantsDir = resolve(projectRoot(), env.TENANTS_DIR);
  if (production) refuseWeakSecrets([...variablesNamedIn(tenantsDir), 'OPERATOR_JWT_SECRET'], process.env);
  const operators = operatorEntry(env.OPERATOR_JWT_SECRET, options.clock);
  const log = options.log ?? createLogger(env.LOG_LEVEL);
  const database = options.database ?? (await createDatabaseFromEnv(env, log));
  const cache = createResponseCache(env, log);
  const lifecycle = new Lifecycle(env);
  if (cache) lifecycle.onClose(cache.close);
  try {
    const built = await buildRuntime({ options, build, log, database, cache, lifecycle, tenantsDir });
    const { runtime, composition, registry, instruments, guard, remotes } = built;
    // What the gateway serves now: a remote service that joins later replaces it (onJoin below).
    const live = { composition, schema: built.schema };
    /** Why a remote service's changed schema is not served, by plugin (shown as the plugin's reason). */
    const refusals = new Map<string, string>();
    const status = cachedStatus(() =>
      gatewayStatus({
        database,
        composition: live.composition,
        notes: refusals,
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
    const compiled = jitGateway(live.schema);
    const apollo = await startApollo({
      env,
      gateway: compiled,
      persistedQueries: apq.options,
      plugins: {
        instruments: instruments.apolloPlugin,
        protection: protection.plugin,
        responseCache: cache?.plugin,
        requestPlan: requestPlanPlugin({ statementCount: build.statementCount }),
        throttledField: throttledFieldPlugin,
        errorLogging: errorLoggingPlugin(composition.plugins),
      },
    });
    const contextFor = (c: Composition) =>
      contextFactory({
        db: database.requests,
        appRole: build.authorization ? env.DATABASE_APP_ROLE : '',
        plugins: c.plugins,
        gateway: { status },
        guardPartialRows: options.guardPartialRows ?? !production,
        batchGuard: (plugin) => guard.batchGuard(plugin),
        runtime,
        buckets: protection.store,
      });
    let buildContext = contextFor(composition);
    const stopRetries = retryQuarantinedRemotes({
      discovered: remotes.discovered,
      composed: remotes.composed,
      deps: remotes.deps,
      compose: (list) => composeServed(list, env.GATEWAY_REQUIRED_PLUGINS, env.FEDERATION_SUBGRAPH),
      current: () => live.composition,
      intervalMs: env.REMOTE_RETRY_MS,
      pollMs: env.REMOTE_SDL_POLL_MS,
      documents: () => documents.texts(),
      onRefuse: (plugin, reason) => (reason ? refusals.set(plugin, reason) : refusals.delete(plugin)),
      log,
      onJoin: (next) => {
        live.schema = built.servedSchema(next);
        buildContext = contextFor(next);
        protection.rehint(next.plugins);
        registry.replugin(
          tenantConfigsOf(next.plugins),
          new Set(next.states.filter((s) => s.state === 'quarantined').map((s) => s.name)),
        );
        live.composition = next;
        compiled.update(live.schema);
      },
    });
    lifecycle.onClose(async () => stopRetries());
    const app = createApp({
      apollo,
      schema: () => live.schema,
      registry,
      plugins: composition.plugins,
      runtime,
      log,
      buildContext: (...args) => buildContext(...args),
      jwks: () => remotes.signer.jwks(),
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
    return withLifecycle({
      app,
      adminApp: createAdminApp({ status, scrape: instruments.metricsHandler }),
      get composition() {
        return live.composition;
      },
      registry,
      database,
      runtime,
      log,
      status,
      apollo,
      migrated: built.migrations.applied,
      migrations: built.migrations.done,
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
