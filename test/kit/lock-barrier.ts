import { Client } from 'pg';

/**
 * Row locks a test holds on a connection of its own, so that concurrent requests queue behind them and
 * really overlap: the test fires its requests, waits until Postgres shows that many backends waiting on
 * a lock (counted, not timed), then releases them all at once.
 */
export class LockBarrier {
  private constructor(
    private readonly holder: Client,
    private readonly observer: Client,
  ) {}

  /** Opens a transaction on `url` and takes the locks `statement` takes (`select ... for update`). */
  static async hold(url: string, statement: string, params: unknown[] = []): Promise<LockBarrier> {
    const holder = new Client({ connectionString: url });
    // Activity is read outside the holder's transaction: inside one, Postgres keeps showing its first snapshot.
    const observer = new Client({ connectionString: url });
    await Promise.all([holder.connect(), observer.connect()]);
    const barrier = new LockBarrier(holder, observer);
    await holder.query('begin');
    const { rowCount } = await holder.query(statement, params);
    if (!rowCount) {
      await barrier.release();
      throw new Error(`the barrier locked no row: ${statement}`);
    }
    return barrier;
  }

  /** Backends of this database waiting on a heavyweight lock (a row, a transaction, a tuple). */
  async waiting(): Promise<number> {
    const { rows } = await this.observer.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    return rows[0].n;
  }

  /** Resolves once `count` backends wait on a lock; fails after `attempts` looks (a request went elsewhere). */
  async waitFor(count: number, attempts = 500): Promise<void> {
    let seen = 0;
    for (let i = 0; i < attempts; i++) {
      seen = await this.waiting();
      if (seen >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`expected ${count} backends waiting on a lock, saw ${seen}`);
  }

  /** Ends the transaction: every request queued behind the locks goes on. */
  async release(): Promise<void> {
    try {
      await this.holder.query('rollback');
    } finally {
      await Promise.all([this.holder.end(), this.observer.end()]);
    }
  }
}
