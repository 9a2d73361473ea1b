import { sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type RootOperationNode } from 'kysely';
import type { TenantDb } from '../sdk';
import { beginTenantTransaction } from './begin-transaction';
import { capabilitiesOf, stampingConnection } from './connection';

/**
 * How a request uses the database, decided by its plan before its first statement:
 * - `read`: a query; on a connection that keeps session stamps its statements run without `begin`;
 * - `sole`: a mutation of one root field, whose one-statement write (`sole`) may commit by itself;
 * - `transaction`: everything else (and jobs, seeds, routes): one transaction for all of it.
 */
export type SessionMode = 'read' | 'sole' | 'transaction';

/** A statement or a connection refused because its request has already answered: nothing was sent. */
class RequestEnded extends Error {
  constructor() {
    super('Client was closed: the request has ended');
  }
}

/** Counts the statements sent through the request's handle and refuses any once the request has ended. */
class RequestGuard implements KyselyPlugin {
  count = 0;
  ended = false;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    // The connection may already serve another tenant's request: a late statement must never reach it.
    if (this.ended) throw new RequestEnded();
    this.count += 1;
    return node;
  }
  async transformResult<R>({ result }: { result: R }): Promise<R> {
    return result;
  }
}

/** Lets one statement through a handle and refuses any after it, before it is sent. */
class OneStatement implements KyselyPlugin {
  private sent = false;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.sent) throw new Error('A sole write sends one statement: this one was not sent');
    this.sent = true;
    return node;
  }
  async transformResult<R>({ result }: { result: R }): Promise<R> {
    return result;
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The request's connection once taken: its guarded handle and whether a transaction is open on it. */
interface Lease {
  conn: Kysely<unknown>;
  inTransaction: boolean;
  /** The savepoint that travelled with `begin`, if any. */
  firstSavepoint?: string;
}

/** `stamped`: without a transaction when the connection keeps stamps; `transaction`: always in one. */
type Opening = 'stamped' | 'transaction';

/**
 * The request's database handle: one connection, taken on first use, with `app.tenant_id` and the
 * application role set, so row-level security applies to everything it runs. The request's mode says
 * how: a transaction with the settings transaction-local, or, for reads (and a sole write) on a
 * connection that keeps stamps (connection.ts), the connection's session settings without `begin` and
 * `commit` until it needs `atomic`. The connection is always released, whether it commits, rolls back or
 * the link dies.
 */
export class TenantSession implements TenantDb {
  private mode: SessionMode = 'transaction';
  private readonly guard = new RequestGuard();
  private opened?: Promise<Lease>;
  private lease?: Lease;
  private handle?: Promise<Kysely<unknown>>;
  private readonly closing = deferred<boolean>();
  private released?: Promise<void>;
  private failure: Error | undefined;
  private savepoints = 0;
  private wroteAlone = false;

  constructor(
    private readonly db: Kysely<unknown>,
    readonly tenantId: string,
    private readonly appRole: string,
  ) {}

  /** Sets the request's mode, before its first statement (later, the connection is already open). */
  plan(mode: SessionMode): void {
    if (!this.opened) this.mode = mode;
  }

  get statementCount(): number {
    return this.guard.count;
  }

  /** The statement `finish` will send: `commit` or `rollback` when a transaction is open. */
  get closingStatements(): number {
    return this.lease?.inTransaction ? 1 : 0;
  }

  /** Whether a `sole` write committed by itself: a later failure of the request cannot undo it. */
  get committedAlone(): boolean {
    return this.wroteAlone;
  }

  /** Settles once the connection is released, whoever ended its work (at once when it never opened). */
  get settled(): Promise<void> {
    return this.released ?? Promise.resolve();
  }

  get<DB>(): Promise<Kysely<DB>> {
    // A resolver still running after its request ended (timed out) must not open a transaction no one ends.
    if (this.guard.ended && !this.opened) return Promise.reject(new RequestEnded());
    this.handle ??= this.take(this.mode === 'read' ? 'stamped' : 'transaction').then((lease) => lease.conn);
    return this.handle as Promise<Kysely<DB>>;
  }

  async atomic<DB, T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    if (this.wroteAlone) throw new Error('A request that wrote alone (sole) writes nothing more');
    const name = `sp_${++this.savepoints}`;
    const lease = await this.take(this.mode === 'read' ? 'stamped' : 'transaction', name);
    if (lease.firstSavepoint !== name) await this.savepoint(lease, name);
    return this.inSavepoint(lease, name, fn);
  }

  async sole<DB, T>(fn: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
    const once = (conn: Kysely<DB>) => fn(conn.withPlugin(new OneStatement()));
    if (this.mode !== 'sole' || this.opened) return this.atomic(once);
    // Like a read: the stamped connection, no `begin`; the one statement commits when it completes.
    const name = `sp_${++this.savepoints}`;
    const lease = await this.take('stamped', name);
    if (lease.inTransaction) return this.inSavepoint(lease, name, once);
    const result = await once(lease.conn as Kysely<DB>);
    this.wroteAlone = true;
    return result;
  }

  /**
   * Commits (or rolls back) and releases the connection. Safe to call more than once. Rejects when a
   * commit did not happen (the database failed), so the caller can report that nothing was written.
   */
  async finish(commit: boolean): Promise<void> {
    this.guard.ended = true;
    if (!this.opened) return;
    this.closing.resolve(commit);
    await this.released;
    if (commit && this.failure !== undefined) throw this.failure;
  }

  /** The request's connection, taken now if it was not yet (`savepoint` travels with a `begin`). */
  private take(opening: Opening, savepoint?: string): Promise<Lease> {
    this.opened ??= this.open(opening, savepoint);
    return this.opened;
  }

  private async inSavepoint<DB, T>(lease: Lease, name: string, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    try {
      // Never released: `commit` releases every savepoint, and that is one statement fewer per write.
      return await fn(lease.conn as Kysely<DB>);
    } catch (error) {
      await sql`rollback to savepoint ${sql.id(name)}`.execute(lease.conn).catch(() => undefined);
      throw error;
    }
  }

  private async savepoint(lease: Lease, name: string): Promise<void> {
    if (lease.inTransaction) {
      await sql`savepoint ${sql.id(name)}`.execute(lease.conn);
      return;
    }
    // A stamped connection that writes after all: its settings are the session's, so `begin` is enough.
    lease.inTransaction = true;
    await sql.raw(`begin; savepoint ${name}`).execute(lease.conn);
  }

  private open(opening: Opening, savepoint: string | undefined): Promise<Lease> {
    return new Promise((resolve, reject) => {
      this.released = this.db
        .connection()
        .execute(async (raw) => {
          const connection = await raw.getExecutor().provideConnection(async (c) => c);
          // The request answered while it waited for this connection (its deadline passed): send nothing.
          if (this.guard.ended) throw new RequestEnded();
          const lease: Lease = { conn: raw.withPlugin(this.guard), inTransaction: false };
          const stamping = opening === 'stamped' ? stampingConnection(connection) : undefined;
          if (stamping) {
            const sent = await stamping.stamp(this.tenantId, this.appRole, (query) => raw.executeQuery(query));
            if (sent) this.guard.count += 1;
          } else {
            lease.inTransaction = true;
            lease.firstSavepoint = savepoint;
            const { batches, statementTimeoutMs } = capabilitiesOf(connection);
            const settings = { tenantId: this.tenantId, appRole: this.appRole, timeoutMs: statementTimeoutMs };
            await beginTenantTransaction(lease.conn, settings, batches, savepoint);
          }
          this.lease = lease;
          resolve(lease);
          const commit = await this.closing.promise;
          if (lease.inTransaction) await sql.raw(commit ? 'commit' : 'rollback').execute(raw);
        })
        .catch((error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          // Refused before anything was sent: there was nothing to commit, so the request did not fail.
          if (!(failure instanceof RequestEnded)) this.failure = failure;
          reject(failure);
        });
    });
  }
}

/** Runs `fn` in its own tenant transaction: for jobs, seeds and routes outside a request. */
export async function withTenant<DB, T>(
  db: Kysely<unknown>,
  tenantId: string,
  appRole: string,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const session = new TenantSession(db, tenantId, appRole);
  let result: T;
  try {
    result = await fn(await session.get<DB>());
  } catch (error) {
    await session.finish(false).catch(() => undefined);
    throw error;
  }
  await session.finish(true);
  return result;
}
