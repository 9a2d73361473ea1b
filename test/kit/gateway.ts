import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { mintAdminToken } from '../../src/auth/mint-token';
import { mintOperatorToken } from '../../src/auth/operator';
import { loadEnv, type Env } from '../../src/config/env';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/engine/gateway';
import { projectRoot } from '../../src/sdk';
import { composePlugins } from '../../src/plugins/compose';
import { loadPlugin, type PluginCandidate } from '../../src/plugins/load';
import type { Logger } from 'pino';
import type { DatabaseKind } from '../../src/db/database';
import { createTestDatabase, type TestDatabase } from './databases';
import { dropRedisKeys, testRedisPrefix } from './redis-prefix';

/** Fixed credentials of the fixture tenants (test/fixtures/tenants). */
export const TEST_SECRETS: Record<string, string> = {
  TEST_ALPHA_STOREFRONT_TOKEN: 'alpha-storefront-token-0123456789',
  TEST_ALPHA_JWT_SECRET: 'alpha-jwt-secret-0123456789abcdef0123456789',
  TEST_BETA_STOREFRONT_TOKEN: 'beta-storefront-token-0123456789',
  TEST_BETA_JWT_SECRET: 'beta-jwt-secret-0123456789abcdef0123456789',
  OPERATOR_JWT_SECRET: 'operator-jwt-secret-7f3a9c2e5b8d1f4a6c0e9b2d',
};
Object.assign(process.env, TEST_SECRETS);

export const FIXTURE_TENANTS = join(projectRoot(), 'test', 'fixtures', 'tenants');

/**
 * A copy of the fixture tenants that enable exactly the given plugins, so a suite composing only some
 * plugins still has valid tenants.
 */
export function fixtureTenantsFor(pluginNames: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-tenants-'));
  const list = pluginNames.filter((n) => n !== 'core');
  for (const file of readdirSync(FIXTURE_TENANTS).filter((f) => f.endsWith('.yaml'))) {
    const text = readFileSync(join(FIXTURE_TENANTS, file), 'utf8').replace(
      /^plugins:.*$/m,
      `plugins: [${list.join(', ')}]`,
    );
    writeFileSync(join(dir, basename(file)), text);
  }
  return dir;
}

/** A plugin under resolvers/ by name, or a path (fixture plugins). */
export function pluginPath(nameOrPath: string): string {
  return nameOrPath.includes('/') ? resolve(nameOrPath) : join(projectRoot(), 'resolvers', nameOrPath, 'plugin.ts');
}

export interface TestGatewayOptions {
  kind: DatabaseKind;
  /** Plugin names under resolvers/ or paths; default core + catalog. */
  plugins?: readonly (string | PluginCandidate)[];
  tenantsDir?: string;
  env?: Record<string, string>;
  /** Headers the explorer pre-fills. */
  explorerHeaders?: Record<string, string>;
  /** Reuse an open database instead of creating one. */
  database?: TestDatabase;
  /** Partial rows throw on an unselected column (the default outside production); false as in production. */
  guardPartialRows?: boolean;
  /** The clock admin tokens are checked against (a test moves it instead of sleeping). */
  clock?: () => number;
  /** The gateway's logger (test/kit/log-capture.ts); by default one at TEST_LOG_LEVEL on stdout. */
  log?: Logger;
  /** Run the plugins' background jobs, as `serve` does (off by default). */
  jobs?: boolean;
  /** Export spans here (an in-memory exporter): tracing on. */
  traceExporter?: GatewayOptions['traceExporter'];
}

export interface TestGateway {
  gateway: Gateway;
  database: TestDatabase;
  url: string;
  /** The operators' listener: /metrics and the detailed /readyz. */
  adminUrl: string;
  env: Env;
  /** POST /graphql with the given credentials; returns status and parsed body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: Auth,
  ): Promise<{
    status: number;
    body: {
      data?: T | null;
      errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
      extensions?: Record<string, unknown>;
    };
    headers: Headers;
  }>;
  storefront(tenant: string): Auth;
  admin(tenant: string, options?: { role?: 'admin' | 'staff'; scopes?: string[] }): Promise<Auth>;
  /** A platform operator's bearer token (OPERATOR_JWT_SECRET). */
  operator(): Promise<Auth>;
  close(): Promise<void>;
}

export type Auth = Record<string, string>;

/** A real gateway on 127.0.0.1 over a fresh database, composed from exactly the given plugins. */
export async function startTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const requested = options.plugins ?? ['core', 'catalog'];
  const plugins = requested.map((p) => (typeof p === 'string' ? loadPlugin(pluginPath(p)) : p));
  // Fixture tenants enable the plugins that will be active (a quarantined one has its own tests).
  const names = composePlugins(plugins).plugins.map((p) => p.name);
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    TENANTS_DIR: options.tenantsDir ?? fixtureTenantsFor(names),
    REDIS_KEY_PREFIX: testRedisPrefix(),
    ...options.env,
  });
  const database = options.database ?? (await createTestDatabase(options.kind));
  let gateway: Gateway;
  try {
    gateway = await createGateway({
      env,
      plugins,
      database,
      migrate: true,
      explorerHeaders: options.explorerHeaders,
      guardPartialRows: options.guardPartialRows,
      clock: options.clock,
      log: options.log,
      jobs: options.jobs,
      traceExporter: options.traceExporter,
    });
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  const address = await gateway.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const adminUrl = `http://127.0.0.1:${(await gateway.listenAdmin(0, '127.0.0.1')).port}`;
  return {
    gateway,
    database,
    url,
    adminUrl,
    env,
    async graphql(query, variables, auth = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text), headers: res.headers };
    },
    storefront: (tenant) => ({ 'x-storefront-token': TEST_SECRETS[`TEST_${tenant.toUpperCase()}_STOREFRONT_TOKEN`] }),
    async admin(tenant, opts = {}) {
      const entry = gateway.registry.get(tenant);
      if (!entry) throw new Error(`no tenant ${tenant}`);
      const token = await mintAdminToken(entry, {
        subject: 'test-admin',
        roles: [opts.role ?? 'admin'],
        scopes: opts.scopes ?? [...gateway.registry.adminScopes],
      });
      return { authorization: `Bearer ${token}` };
    },
    async operator() {
      const token = await mintOperatorToken(env.OPERATOR_JWT_SECRET!, { subject: 'test-operator' });
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await gateway.stop();
      if (env.REDIS_URL) await dropRedisKeys(env.REDIS_URL, env.REDIS_KEY_PREFIX);
      if (options.database) return;
      await database.close().catch(() => undefined);
    },
  };
}
