import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { databaseErrorCode } from './errors';
import { preparedName } from './prepared-statements';
import { sendStamped } from './session-stamp';

/**
 * The pool Kysely sees: a client whose connection failed (dropped, reset, or a query that never answered)
 * is destroyed on release instead of going back to the pool, where the next request would inherit a dead
 * or still-busy link. Kysely itself only discards a client after a failed rollback.
 */
export function discardingPool(pool: Pool, options: PoolOptions = {}): PostgresPool {
  const planned = new WeakSet<PoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      const sessionState = options.sessionState?.() ?? false;
      const guarded = guardClient(client, {
        stamps: sessionState && (options.stamps ?? false),
        prepares: sessionState,
      });
      if (sessionState && !planned.has(client)) {
        // Once per connection, before its first statement. Prepared statements only: every shape is an
        // index lookup by tenant, so one plan serves all values and binding skips planning.
        try {
          await guarded.query(GENERIC_PLANS, []);
        } catch (error) {
          guarded.release();
          throw error;
        }
        planned.add(client);
      }
      return guarded;
    },
    end: () => pool.end(),
  };
}

const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan';

interface PoolOptions {
  /** Skip a session stamp the client already carries (session-stamp.ts), while sessions are kept. */
  stamps?: boolean;
  /**
   * Whether a connection keeps its session (not behind a transaction pooler), asked at each checkout:
   * then the texts of prepared-statements.ts are sent as named statements, planned generically.
   */
  sessionState?: () => boolean;
}

interface ClientOptions {
  stamps: boolean;
  prepares: boolean;
}

function guardClient(client: PoolClient, { stamps, prepares }: ClientOptions): PostgresPoolClient {
  let broken: Error | undefined;
  const note = (error: unknown) => {
    if (databaseErrorCode(error) === 'SERVICE_UNAVAILABLE') broken ??= error as Error;
    throw error;
  };
  const send = (...args: unknown[]) => {
    const name = prepares && typeof args[0] === 'string' ? preparedName(args[0]) : undefined;
    const sent = name ? [{ name, text: args[0], values: args[1] }] : args;
    return (client.query as (...a: unknown[]) => unknown)(...sent);
  };
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
