import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { databaseErrorCode } from './errors';

/**
 * The pool Kysely sees: a client whose connection failed (dropped, reset, or a query that never answered)
 * is destroyed on release instead of going back to the pool, where the next request would inherit a dead
 * or still-busy link. Kysely itself only discards a client after a failed rollback.
 */
export function discardingPool(pool: Pool): PostgresPool {
  return {
    connect: async () => guardClient(await pool.connect()),
    end: () => pool.end(),
  };
}

function guardClient(client: PoolClient): PostgresPoolClient {
  let broken: Error | undefined;
  const note = (error: unknown) => {
    if (databaseErrorCode(error) === 'SERVICE_UNAVAILABLE') broken ??= error as Error;
    throw error;
  };
  return {
    query: ((...args: unknown[]) => {
      const result = (client.query as (...a: unknown[]) => unknown)(...args);
      // A cursor (streaming) is returned as is; statements return promises.
      return result instanceof Promise ? result.catch(note) : result;
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(broken ?? destroy),
  };
}
