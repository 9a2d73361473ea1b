import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { PgConnection } from './pg-connection';

export interface PgDriverOptions {
  /** Connections serve tenant sessions and may keep a stamp (the request pool; never the engine's). */
  stamps: boolean;
  /** Whether a connection keeps its session (no transaction pooler), asked at each checkout. */
  sessionState: () => boolean;
  statementTimeoutMs: number;
}

/**
 * Kysely's driver for a pg pool, in the gateway's terms: each checkout hands out the client's one
 * `PgConnection`, told what it may do now (stamps and prepared statements need a kept session; a pg
 * client always takes several statements in one message).
 */
export class PgDriver implements Driver {
  private readonly connections = new WeakMap<PoolClient, PgConnection>();

  constructor(
    private readonly pool: Pool,
    private readonly options: PgDriverOptions,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.connections.get(client);
    if (!connection) {
      connection = new PgConnection(client);
      this.connections.set(client, connection);
    }
    const sessionState = this.options.sessionState();
    try {
      await connection.checkout({
        batches: true,
        stamps: sessionState && this.options.stamps,
        prepares: sessionState,
        statementTimeoutMs: this.options.statementTimeoutMs,
      });
    } catch (error) {
      connection.release();
      throw error;
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const mode = [settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode];
    const options = mode.filter(Boolean).join(' ');
    await connection.executeQuery(CompiledQuery.raw(options ? `start transaction ${options}` : 'begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ command?: string }>(CompiledQuery.raw('commit'));
    if (rows[0]?.command === 'ROLLBACK') throw new Error('the transaction was aborted and rolled back');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      (connection as PgConnection).discard(); // its transaction's state is unknown: never reuse it
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PgConnection).release();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

/** Postgres' SQL dialect over `PgDriver`. */
export const pgDialect = (pool: Pool, options: PgDriverOptions): Dialect => ({
  createDriver: () => new PgDriver(pool, options),
  createQueryCompiler: (): QueryCompiler => new PostgresQueryCompiler(),
  createAdapter: () => new PostgresAdapter(),
  createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
});
