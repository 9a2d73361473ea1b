import { mkdirSync } from 'node:fs';
import { Kysely, type Dialect, type LogEvent } from 'kysely';
import { Pool, types } from 'pg';
import type { Logger } from 'pino';
import { detectTransactionPooler } from './pooler-detection';
import { pgDialect } from './pg-driver';
import { decidePooling, type Pooling } from './pooling';

// bigint ids and numeric money come back as strings (no float rounding); int8 counts likewise.
types.setTypeParser(types.builtins.NUMERIC, (v) => v);

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseOptions {
  /** Postgres when set; embedded PGlite otherwise. */
  url?: string;
  /** PGlite data folder; omitted means in memory. */
  pgliteDir?: string;
  /** Connections of the request pool (GraphQL requests). */
  poolMax?: number;
  /** Connections of the engine's pool: migrations, jobs, webhooks, health. */
  enginePoolMax?: number;
  /**
   * Behind a transaction-mode pooler (PgBouncer `pool_mode=transaction`) session settings do not stay
   * with a client, so read requests must set their tenant in a transaction, as writes do. `auto` (the
   * default) detects one when the database first answers (pooling.ts).
   */
  transactionPooler?: boolean | 'auto';
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  log?: Logger;
  /** Called for every statement (metrics). */
  onQuery?: (event: LogEvent) => void;
}

/** Connections of the pg pool (PGlite has one connection and reports none). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  kind: DatabaseKind;
  /** The engine's handle: migrations, jobs, webhooks, `withTenant`. */
  db: Kysely<unknown>;
  /** GraphQL requests' handle, whose connections serve tenant sessions only (the same as `db` on PGlite). */
  requests: Kysely<unknown>;
  /** Cheap liveness probe; rejects when the database cannot answer. */
  ping(): Promise<void>;
  /** Subscribes to every statement's outcome and duration (metrics, tracing); returns the unsubscribe. */
  observe(listener: (event: LogEvent) => void): () => void;
  /** Per pool: `requests` (GraphQL requests) and `engine` (everything else). */
  poolStats(): Record<'requests' | 'engine', PoolStats> | null;
  /** Whether the pools keep session state or run behind a transaction pooler (null on PGlite). */
  pooling(): Pooling | null;
  close(): Promise<void>;
}

/** Kysely's log hook, fanned out to listeners added after the database was opened. */
function queryListeners(first?: (event: LogEvent) => void) {
  const listeners = new Set<(event: LogEvent) => void>(first ? [first] : []);
  return {
    log: (event: LogEvent) => {
      for (const listener of listeners) listener(event);
    },
    observe: (listener: (event: LogEvent) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? createPostgres(options.url, options) : createPglite(options);
}

const statementTimeoutMs = (options: DatabaseOptions) => options.statementTimeoutMs ?? 10_000;

function createPool(url: string, max: number, options: DatabaseOptions): Pool {
  const pool = new Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeoutMs(options),
    // A black-holed server never answers: give up on the query from the client side too.
    query_timeout: statementTimeoutMs(options) + 2000,
    keepAlive: true,
    application_name: 'retail-gateway',
  });
  // Without these listeners a dropped connection emits an unhandled 'error' and kills the process.
  pool.on('error', (err) => options.log?.warn({ err: { message: err.message } }, 'idle database client failed'));
  pool.on('connect', (client) => {
    client.on('error', (err) => options.log?.warn({ err: { message: err.message } }, 'database client failed'));
  });
  return pool;
}

/**
 * Two pools: requests get their own, so a connection that keeps a tenant's session settings is never
 * handed to the engine's work (which runs as the URL's user, across tenants).
 */
async function createPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const enginePool = createPool(url, options.enginePoolMax ?? 4, options);
  const requestPool = createPool(url, options.poolMax ?? 10, options);
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const pooling = decidePooling(
    options.transactionPooler ?? 'auto',
    () =>
      detectTransactionPooler({
        connectionString: url,
        connectionTimeoutMillis: connectTimeoutMs,
        query_timeout: connectTimeoutMs,
        application_name: 'retail-gateway',
      }),
    options.log,
  );
  // A transaction pooler hands each transaction any server connection: no session state (stamps, prepared
  // statements) may be relied on.
  const sessionState = () => pooling.current().mode === 'session';
  const listeners = queryListeners(options.onQuery);
  const kysely = (pool: Pool, stamps: boolean) =>
    new Kysely<unknown>({
      dialect: pgDialect(pool, { stamps, sessionState, statementTimeoutMs: statementTimeoutMs(options) }),
      log: listeners.log,
    });
  const db = kysely(enginePool, false);
  const requests = kysely(requestPool, true);
  // Unchecked when the database did not answer at start: checked again once a pool reaches it.
  for (const pool of [enginePool, requestPool]) pool.on('connect', () => void pooling.check());
  await pooling.check();
  const stats = (pool: Pool): PoolStats => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  });
  return {
    kind: 'postgres',
    db,
    requests,
    ping: async () => {
      await enginePool.query('select 1');
    },
    observe: listeners.observe,
    poolStats: () => ({ requests: stats(requestPool), engine: stats(enginePool) }),
    pooling: () => pooling.current(),
    close: async () => {
      await Promise.all([db.destroy(), requests.destroy()]);
    },
  };
}

/**
 * Contrib extensions a migration may create (Postgres ships them; PGlite loads them only when given at
 * creation): trigram similarity and the btree operator classes that let GIN and GiST indexes lead with a
 * text column such as tenant_id.
 */
async function pgliteExtensions() {
  const [{ pg_trgm }, { btree_gin }, { btree_gist }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/btree_gin'),
    import('@electric-sql/pglite/contrib/btree_gist'),
  ]);
  return { pg_trgm, btree_gin, btree_gist };
}

async function createPglite(options: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  // The dialect's types resolve to Kysely's ESM build; at run time it is the same CommonJS class.
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  // Same value types as pg: int8 and numeric as strings, so ids and money compare alike on both.
  const asText = (value: string) => value;
  const parsers = { 20: asText, 1700: asText };
  const extensions = await pgliteExtensions();
  const settings = { parsers, extensions };
  const pglite = await PGlite.create(options.pgliteDir ? { dataDir: options.pgliteDir, ...settings } : settings);
  const listeners = queryListeners(options.onQuery);
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) as unknown as Dialect, log: listeners.log });
  return {
    kind: 'pglite',
    db,
    requests: db,
    ping: async () => {
      await pglite.query('select 1');
    },
    observe: listeners.observe,
    poolStats: () => null,
    pooling: () => null,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
