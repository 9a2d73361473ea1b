import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv } from '../../src/config/env';
import { createDatabaseFromEnv } from '../../src/engine/gateway';
import { createLogger } from '../../src/observability/logger';
import { createPostgresDatabase, withClient } from '../kit/databases';
import { fixtureTenantsFor, startTestGateway, type Auth, type TestGateway } from '../kit/gateway';
import { startPgBouncer } from '../kit/pgbouncer';
import { GUESTBOOK } from '../protection/harness';

/** How the gateway reaches Postgres: its own pool, or a real PgBouncer in transaction mode. */
export type PoolerMode = 'direct pool' | 'pgbouncer';

export const TENANTS = ['alpha', 'beta', 'gamma'] as const;
export type TenantId = (typeof TENANTS)[number];

/** Connections of the request pool: fewer than requests in flight, so tenants take turns on each. */
export const POOL_SIZE = 4;
/** Statements longer than this are cancelled (behind PgBouncer, by the setting each transaction makes). */
export const STATEMENT_TIMEOUT_MS = 400;
/** The resolver deadline, which cuts off a request whose statements together run too long. */
export const PLUGIN_TIMEOUT_MS = 900;

const PLUGINS = ['core', 'catalog', 'inventory', 'customers', 'orders', GUESTBOOK];
const GAMMA_STOREFRONT_TOKEN = 'gamma-storefront-token-0123456789';
Object.assign(process.env, {
  TEST_GAMMA_STOREFRONT_TOKEN: GAMMA_STOREFRONT_TOKEN,
  TEST_GAMMA_JWT_SECRET: 'gamma-jwt-secret-0123456789abcdef0123456789',
});

/** alpha, beta and a third tenant gamma, with rate and cost limits the schedule never reaches. */
function tenantsDir(): string {
  const dir = fixtureTenantsFor(['catalog', 'inventory', 'customers', 'orders', 'guestbook']);
  const gamma = readFileSync(join(dir, 'beta.yaml'), 'utf8').replace(/beta/g, 'gamma').replace(/BETA/g, 'GAMMA');
  writeFileSync(join(dir, 'gamma.yaml'), gamma.replace('Beta Test Shop', 'Gamma Test Shop'));
  for (const tenant of TENANTS) {
    appendFileSync(
      join(dir, `${tenant}.yaml`),
      '\nlimits: { maxCost: 20000, rateBucketSize: 1000000, rateRestorePerSecond: 100000 }\n',
    );
  }
  return dir;
}

export interface InterleavedGateway {
  t: TestGateway;
  /** The test database as its superuser sees it, past row-level security. */
  superuser<T>(text: string, values?: unknown[]): Promise<T[]>;
  storefront(tenant: TenantId): Auth;
  close(): Promise<void>;
}

/**
 * A gateway over a fresh Postgres database with a small request pool, started from the documented
 * settings: directly, or through PgBouncer with DATABASE_TRANSACTION_POOLER=true.
 */
export async function startInterleavedGateway(mode: PoolerMode): Promise<InterleavedGateway> {
  const target = await createPostgresDatabase();
  const bouncer = mode === 'pgbouncer' ? await startPgBouncer({ poolSize: POOL_SIZE }) : undefined;
  const settings = {
    DATABASE_URL: bouncer ? bouncer.through(target.url) : target.url,
    DATABASE_TRANSACTION_POOLER: bouncer ? 'true' : 'false',
    DATABASE_POOL_MAX: String(POOL_SIZE),
    DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    // Requests queue for a connection behind slow ones: waiting is not what this suite tests.
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
    PLUGIN_TIMEOUT_MS: String(PLUGIN_TIMEOUT_MS),
    // Nor is the circuit breaker, which a loaded machine's timeouts would open: it has its own tests.
    PLUGIN_CIRCUIT_FAILURES: '1000000',
  };
  const database = await createDatabaseFromEnv(loadEnv({ ...process.env, ...settings }), createLogger('silent'));
  const stop = async () => {
    await database.close().catch(() => undefined);
    await bouncer?.stop();
    await target.drop();
  };
  let t: TestGateway;
  try {
    t = await startTestGateway({
      kind: 'postgres',
      plugins: PLUGINS,
      tenantsDir: tenantsDir(),
      database,
      env: settings,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    t,
    superuser: (text, values = []) => withClient(target.url, async (c) => (await c.query(text, values)).rows),
    storefront: (tenant) =>
      tenant === 'gamma' ? { 'x-storefront-token': GAMMA_STOREFRONT_TOKEN } : t.storefront(tenant),
    async close() {
      await t.close();
      await stop();
    },
  };
}
