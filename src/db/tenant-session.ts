import { sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type RootOperationNode } from 'kysely';
import type { TenantDb } from '../sdk';
import { acceptsStatementBatches, keepsSessionStamps, transactionStatementTimeout } from './database';
import { stampSession } from './session-stamp';

/** Counts statements sent through one handle (a test assertion, and the benchmark prints it). */
class StatementCounter implements KyselyPlugin {
  count = 0;
  constructor(private readonly ended: () => boolean) {}
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    // The connection may already serve another tenant's request: a late statement must never reach it.
    if (this.ended()) throw new Error('Client was closed: the request has ended');
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

/** Characters that need no escaping in a literal or an identifier, whatever the server's string settings. */
const PLAIN = /^[A-Za-z0-9_.:-]+$/;

interface TransactionSettings {
  tenantId: string;
  appRole: string;
  /** Set per transaction on pg: a transaction pooler drops the start-up parameter (database.ts). */
  timeoutMs: number | undefined;
}

/**
 * Begins a transaction scoped to the tenant (RLS), with a first savepoint when one is wanted. On pg, one
 * round trip: `begin`, the settings and the savepoint go in one simple-protocol message, with the values
 * inlined (only plain ones; others take the step-by-step path).
 */
async function beginTenantTransaction(
  conn: Kysely<unknown>,
  { tenantId, appRole, timeoutMs }: TransactionSettings,
  batch: boolean,
  savepoint: string | undefined,
) {
  if (batch && PLAIN.test(tenantId) && (!appRole || PLAIN.test(appRole))) {
    const role = appRole ? `, set_config('role', '${appRole}', true)` : '';
    const timeout = timeoutMs ? `, set_config('statement_timeout', '${Math.trunc(timeoutMs)}', true)` : '';
    const then = savepoint ? `; savepoint ${savepoint}` : '';
    await sql
      .raw(`begin; select set_config('app.tenant_id', '${tenantId}', true)${role}${timeout}${then}`)
      .execute(conn);
    return;
  }
  await sql`begin`.execute(conn);
  const settings = [
    sql`set_config('app.tenant_id', ${tenantId}, true)`,
    ...(appRole ? [sql`set_config('role', ${appRole}, true)`] : []),
    ...(timeoutMs ? [sql`set_config('statement_timeout', ${String(Math.trunc(timeoutMs))}, true)`] : []),
  ];
  await sql`select ${sql.join(settings)}`.execute(conn);
  if (savepoint) await sql`savepoint ${sql.id(savepoint)}`.execute(conn);
}

/**
 * The request's database handle: one connection, taken on first use, with `app.tenant_id` and the
 * application role set, so row-level security applies to everything it runs. Writes run in one
 * transaction with the settings transaction-local. A read-only request on a handle that keeps session
 * stamps (session-stamp.ts) runs its statements on their own, without `begin` and `commit`, until it
 * needs `atomic`. The connection is always released, whether it commits, rolls back or the link dies.
 */
export class TenantSession implements TenantDb {
  private readonly counter = new StatementCounter(() => this.ended);
  private conn?: Promise<Kysely<unknown>>;
  private outcome = deferred<boolean>();
  private finished?: Promise<void>;
  private savepoints = 0;
  private failure: Error | undefined;
  private ended = false;
  private readOnly = false;
  private inTransaction = false;
  /** The operation is a mutation of one root field: its write may commit by itself (`sole`). */
  private soleWriteAllowed = false;
  private wroteAlone = false;
  /** The savepoint that travels with `begin` (the first `atomic` of a transaction opened by it). */
  private firstSavepoint: string | undefined;

  constructor(
    private readonly db: Kysely<unknown>,
    readonly tenantId: string,
    private readonly appRole: string,
  ) {}

  get statementCount(): number {
    return this.counter.count;
  }

  /** The statement `finish` will send: `commit` or `rollback` when a transaction is open. */
  get closingStatements(): number {
    return this.inTransaction ? 1 : 0;
  }

  /** Declares the request read-only (a GraphQL query), before its first statement. */
  markReadOnly(): void {
    if (!this.conn) this.readOnly = keepsSessionStamps(this.db);
  }

  /**
   * Declares the request a mutation of one root field, before its first statement: a write that is one
   * statement may then commit by itself (`sole`), on a handle that keeps session stamps.
   */
  allowSoleWrite(): void {
    if (!this.conn) this.soleWriteAllowed = keepsSessionStamps(this.db);
  }

  /** Whether a `sole` write committed by itself: a later failure of the request cannot undo it. */
  get committedAlone(): boolean {
    return this.wroteAlone;
  }

  /** Settles once the transaction has ended, whoever ended it (at once when it never opened). */
  get settled(): Promise<void> {
    return this.finished ?? Promise.resolve();
  }

  get<DB>(): Promise<Kysely<DB>> {
    // A resolver still running after its request ended (timed out) must not open a transaction no one ends.
    if (this.ended && !this.conn) return Promise.reject(new Error('Client was closed: the request has ended'));
    this.conn ??= this.open();
    return this.conn as Promise<Kysely<DB>>;
  }

  async atomic<DB, T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    if (this.wroteAlone) throw new Error('A request that wrote alone (sole) writes nothing more');
    const name = `sp_${++this.savepoints}`;
    if (!this.conn && !this.readOnly) this.firstSavepoint = name;
    const conn = await this.get<DB>();
    if (this.firstSavepoint !== name) await this.savepoint(conn, name);
    try {
      // Never released: `commit` releases every savepoint, and that is one statement fewer per write.
      return await fn(conn);
    } catch (error) {
      await sql`rollback to savepoint ${sql.id(name)}`.execute(conn).catch(() => undefined);
      throw error;
    }
  }

  async sole<DB, T>(fn: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
    const once = (conn: Kysely<DB>) => fn(conn.withPlugin(new OneStatement()));
    if (!this.soleWriteAllowed || this.conn) return this.atomic(once);
    // Like a read: the stamped connection, no `begin`; the one statement commits when it completes.
    this.readOnly = true;
    const result = await once(await this.get<DB>());
    this.wroteAlone = true;
    return result;
  }

  private async savepoint<DB>(conn: Kysely<DB>, name: string): Promise<void> {
    if (this.inTransaction) {
      await sql`savepoint ${sql.id(name)}`.execute(conn);
      return;
    }
    // A read-only request that writes after all: its settings are the session's, so `begin` is enough.
    this.inTransaction = true;
    await sql.raw(`begin; savepoint ${name}`).execute(conn);
  }

  /**
   * Commits (or rolls back) and releases the connection. Safe to call more than once. Rejects when a
   * commit did not happen (the database failed), so the caller can report that nothing was written.
   */
  async finish(commit: boolean): Promise<void> {
    this.ended = true;
    if (!this.conn) return;
    this.outcome.resolve(commit);
    await this.finished;
    if (commit && this.failure !== undefined) throw this.failure;
  }

  private open(): Promise<Kysely<unknown>> {
    return new Promise((resolve, reject) => {
      this.finished = this.db
        .connection()
        .execute(async (raw) => {
          const conn = raw.withPlugin(this.counter);
          if (this.readOnly) {
            if (await stampSession(raw, this.tenantId, this.appRole)) this.counter.count += 1;
          } else {
            this.inTransaction = true;
            const settings = {
              tenantId: this.tenantId,
              appRole: this.appRole,
              timeoutMs: transactionStatementTimeout(this.db),
            };
            const batch = acceptsStatementBatches(this.db);
            await beginTenantTransaction(conn, settings, batch, this.firstSavepoint);
          }
          resolve(conn);
          const commit = await this.outcome.promise;
          if (this.inTransaction) await sql.raw(commit ? 'commit' : 'rollback').execute(raw);
        })
        .catch((error: unknown) => {
          this.failure = error instanceof Error ? error : new Error(String(error));
          reject(this.failure);
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
