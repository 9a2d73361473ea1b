import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { databaseErrorCode } from './errors';
import { sendStamped } from './session-stamp';

/**
 * The pool Kysely sees: a client whose connection failed (dropped, reset, or a query that never answered)
 * is destroyed on release instead of going back to the pool, where the next request would inherit a dead
 * or still-busy link. Kysely itself only discards a client after a failed rollback.
 */
export function discardingPool(pool: Pool, options: { stamps?: boolean } = {}): PostgresPool {
  return {
    connect: async () => guardClient(await pool.connect(), options.stamps ?? false),
    end: () => pool.end(),
  };
}

/** With `stamps`, the client skips a session stamp it already carries (session-stamp.ts). */
function guardClient(client: PoolClient, stamps: boolean): PostgresPoolClient {
  let broken: Error | undefined;
  const note = (error: unknown) => {
    if (databaseErrorCode(error) === 'SERVICE_UNAVAILABLE') broken ??= error as Error;
    throw error;
  };
  const send = (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args);
  return {
    query: ((...args: unknown[]) => {
      const result =
        stamps && typeof args[0] === 'string'
          ? sendStamped(client, args[0], args[1] as unknown[], (text, values) => send(text, values) as Promise<unknown>)
          : send(...args);
      // A cursor (streaming) is returned as is; statements return promises.
      return result instanceof Promise ? result.catch(note) : result;
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(broken ?? destroy),
  };
}
