import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { PluginDefinition } from '../sdk';
import { createHttpServer, type HttpTimeouts } from '../http/server';
import { loadTenants } from '../tenants/report';
import type { RequestContext } from './context';
import type { Gateway } from './gateway-types';
import type { Lifecycle } from './lifecycle';

/** A built gateway before it listens: what it serves and what it must stop. */
export interface GatewayParts extends Omit<Gateway, 'listen' | 'listenAdmin' | 'stop' | 'reloadTenants'> {
  apollo: ApolloServer<RequestContext>;
  lifecycle: Lifecycle;
  graceMs: number;
  http: HttpTimeouts;
  /** False when the caller passed the database in: then the caller closes it. */
  ownsDatabase: boolean;
}

/** Plugins tear down in the reverse of their set-up order; one that fails is logged and the rest go on. */
async function teardown(parts: GatewayParts, plugins: readonly PluginDefinition[]) {
  for (const plugin of [...plugins].reverse()) {
    await Promise.resolve(plugin.teardown?.(parts.runtime)).catch((err: unknown) =>
      parts.log.error({ err, plugin: plugin.name }, 'plugin teardown failed'),
    );
  }
}

function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen(server.address() as AddressInfo));
  });
}

/**
 * Stops in order: refuse new work and let requests in flight finish (keep-alive connections close once
 * answered, all of them after the grace period), stop Apollo, tear the plugins down, close background
 * work, then the operators' listener, so they can watch the drain to its end, and the database last.
 */
async function stopServing(parts: GatewayParts, server?: Server, adminServer?: Server): Promise<void> {
  const drained = parts.lifecycle.drain();
  if (server) {
    const closed = new Promise<void>((r) => server.close(() => r()));
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), parts.graceMs);
    await closed;
    clearTimeout(timer);
    clearInterval(sweep);
  }
  await drained;
  await parts.apollo.stop();
  await teardown(parts, parts.composition.plugins);
  await parts.lifecycle.close();
  if (adminServer) {
    const closed = new Promise<void>((r) => adminServer.close(() => r()));
    adminServer.closeAllConnections();
    await closed;
  }
  if (parts.ownsDatabase) await parts.database.close();
}

/** The gateway's start and stop: its two listeners, tenant reloads and an orderly, once-only shutdown. */
export function withLifecycle(parts: GatewayParts): Gateway {
  let server: Server | undefined;
  let adminServer: Server | undefined;
  let stopping: Promise<void> | undefined;
  return {
    app: parts.app,
    adminApp: parts.adminApp,
    // A remote service that joins later changes what is served (./remote-retry.ts).
    get composition() {
      return parts.composition;
    },
    registry: parts.registry,
    database: parts.database,
    runtime: parts.runtime,
    log: parts.log,
    migrated: parts.migrated,
    migrations: parts.migrations,
    metrics: parts.metrics,
    status: parts.status,
    reloadTenants: () => loadTenants(parts.registry, parts.log, true),
    listen: (port = 0, host = '127.0.0.1') => listenOn((server = createHttpServer(parts.app, parts.http)), port, host),
    listenAdmin: (port = 0, host = '127.0.0.1') =>
      listenOn((adminServer = createHttpServer(parts.adminApp, parts.http)), port, host),
    stop: () => (stopping ??= stopServing(parts, server, adminServer)),
  };
}
