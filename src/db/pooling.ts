import type { Logger } from 'pino';

/**
 * How the pools use their connections. `session`: a connection keeps its session, so request connections
 * keep a tenant stamp between reads (session-stamp.ts) and statements are prepared. `transaction`: behind a
 * transaction-mode pooler, every request sets its tenant and statement timeout in a transaction and
 * nothing is prepared.
 */
export interface Pooling {
  mode: 'session' | 'transaction';
  /**
   * `configured` by DATABASE_TRANSACTION_POOLER; `detected` by detectTransactionPooler; `unchecked` while
   * the database has not answered yet, in the transaction mode, which is right either way.
   */
  source: 'configured' | 'detected' | 'unchecked';
}

export interface PoolingDecision {
  current(): Pooling;
  /** Detects the pooler unless the mode is known; a failure leaves it unchecked until the next call. */
  check(): Promise<void>;
}

/** The mode `setting` gives (true, false), or the one detected (`auto`), decided once. */
export function decidePooling(
  setting: boolean | 'auto',
  detect: () => Promise<boolean>,
  log?: Logger,
): PoolingDecision {
  if (setting !== 'auto') {
    const fixed: Pooling = { mode: setting ? 'transaction' : 'session', source: 'configured' };
    return { current: () => fixed, check: async () => undefined };
  }
  let pooling: Pooling = { mode: 'transaction', source: 'unchecked' };
  let checking: Promise<void> | undefined;
  const check = () =>
    detect().then(
      (pooled) => {
        pooling = { mode: pooled ? 'transaction' : 'session', source: 'detected' };
        if (pooled) {
          log?.warn(
            'transaction pooler detected (one client reached several server sessions): requests set their tenant ' +
              'in transactions and prepare no statement; set DATABASE_TRANSACTION_POOLER=true to say so',
          );
        }
      },
      (error: unknown) => {
        checking = undefined;
        log?.warn(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          'could not check for a transaction pooler: requests run in transactions until the database answers',
        );
      },
    );
  return {
    current: () => pooling,
    check: () => (pooling.source === 'unchecked' ? (checking ??= check()) : Promise.resolve()),
  };
}
