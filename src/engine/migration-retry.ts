import type { Logger } from 'pino';
import { databaseErrorCode } from '../db/errors';

/** True when the error (or one of its causes) says the database could not be reached. */
export function isConnectionFault(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (databaseErrorCode(e) === 'SERVICE_UNAVAILABLE') return true;
  }
  return false;
}

export interface PendingMigrations {
  /** Resolves with the migrations applied once they are. */
  done: Promise<string[]>;
  cancel(): void;
}

/**
 * Retries migrations that failed because the database is unreachable, with capped exponential backoff,
 * until they apply or the gateway stops. Any other failure is logged and retried the same way: the
 * process keeps serving probes and readiness says why it is not ready.
 */
export function retryMigrations(
  run: () => Promise<string[]>,
  log: Logger,
  options: { firstDelayMs?: number; maxDelayMs?: number } = {},
): PendingMigrations {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  let delay = options.firstDelayMs ?? 500;
  const done = new Promise<string[]>((resolve) => {
    const attempt = () => {
      timer = undefined;
      if (cancelled) return;
      run().then(
        (applied) => {
          log.info({ applied }, 'database reachable: migrations applied');
          resolve(applied);
        },
        (err: unknown) => {
          log.warn(
            { err: { message: isConnectionFault(err) ? 'database unreachable' : String(err) }, retryInMs: delay },
            'migrations pending',
          );
          timer = setTimeout(attempt, delay);
          delay = Math.min(delay * 2, options.maxDelayMs ?? 30_000);
        },
      );
    };
    timer = setTimeout(attempt, delay);
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

export interface MigrationState {
  /** Applied during start-up (empty while they wait for the database). */
  applied: string[];
  done: Promise<string[]>;
  pending(): boolean;
  cancel(): void;
}

/**
 * Applies pending migrations at start. In 'retry' mode a database that cannot be reached does not stop
 * start-up: the gateway serves probes (not ready) and retries in the background until it can migrate.
 */
export async function startMigrations(
  mode: boolean | 'retry' | undefined,
  run: () => Promise<string[]>,
  log: Logger,
  onPendingChange: (pending: boolean) => void,
): Promise<MigrationState> {
  const settled = (applied: string[]): MigrationState => ({
    applied,
    done: Promise.resolve(applied),
    pending: () => false,
    cancel: () => undefined,
  });
  if (!mode) return settled([]);
  try {
    return settled(await run());
  } catch (error) {
    if (mode !== 'retry' || !isConnectionFault(error)) throw error;
  }
  log.warn('database unreachable at start: serving probes (not ready) and retrying migrations');
  let pending = true;
  onPendingChange(true);
  const retry = retryMigrations(run, log);
  void retry.done.then(() => {
    pending = false;
    onPendingChange(false);
  });
  return { applied: [], done: retry.done, pending: () => pending, cancel: () => retry.cancel() };
}
