import { CompiledQuery, type QueryResult } from 'kysely';
import type { PoolClient, QueryResult as PgResult } from 'pg';
import { NO_CAPABILITIES, type Capabilities, type Send, type TenantConnection } from './connection';
import { databaseErrorCode } from './errors';
import { preparedNameOf, preparedNameOfQuery } from './prepared-statements';
import { stampStatement } from './session-stamp';

/** Statements one connection prepares at most; beyond, texts run unnamed (the server keeps each one). */
const MAX_PREPARED = 2_000;
/** Of those, statements prepared unasked (built per request: their texts vary more, e.g. with list lengths). */
export const MAX_UNASKED = 500;

/** A statement Postgres can prepare that takes values (not `begin`, `commit`, settings or DDL). */
const PREPARABLE = /^\s*\(?\s*(select|insert|update|delete|with)\b/i;
/**
 * Whole rows (`*`, `t.*`; not `count(*)`): after a migration adds a column, a prepared statement that
 * returns them fails ("cached plan must not change result type"), so these stay unnamed.
 */
const WHOLE_ROWS = /(?:\bselect|\breturning|,)\s+(?:"?\w+"?\.)?\*/i;

/**
 * Whether a statement built per request is prepared without being asked: every write and read of a
 * mutation is, so that Postgres parses and plans each text once per connection, not once per run.
 */
const preparedUnasked = (query: CompiledQuery) =>
  query.parameters.length > 0 && PREPARABLE.test(query.sql) && !WHOLE_ROWS.test(query.sql);

/**
 * One pg client as Kysely sees it, kept for the client's life (pg-driver.ts): it knows its capabilities
 * for the current checkout, the stamp its session carries, the statements it has prepared, and whether
 * its link failed, in which case it is destroyed on release instead of going back to the pool, where the
 * next request would inherit a dead or still-busy link.
 */
export class PgConnection implements TenantConnection {
  capabilities: Capabilities = NO_CAPABILITIES;
  private carried: string | undefined;
  private readonly preparedNames = new Set<string>();
  private unasked = 0;
  private genericPlans = false;
  private broken = false;

  constructor(readonly client: PoolClient) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const values = [...query.parameters];
    const name = this.nameFor(query);
    try {
      const result: PgResult = await (name
        ? this.client.query({ name, text: query.sql, values })
        : this.client.query(query.sql, values));
      return toKyselyResult<R>(result);
    } catch (error) {
      if (databaseErrorCode(error) === 'SERVICE_UNAVAILABLE') this.broken = true;
      throw error;
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the gateway’s connections');
  }

  async stamp(tenantId: string, role: string, send: Send): Promise<boolean> {
    const stamp = `${tenantId}\n${role}`;
    if (this.carried === stamp) return false;
    this.carried = undefined; // unknown until the server has answered
    await send(stampStatement(tenantId, role));
    this.carried = stamp;
    return true;
  }

  /** Takes the capabilities of this checkout; the first that prepares asks for generic plans. */
  async checkout(capabilities: Capabilities): Promise<void> {
    this.capabilities = capabilities;
    if (!capabilities.prepares || this.genericPlans) return;
    // Prepared statements only: every shape is an index lookup by tenant, so one plan serves all values.
    await this.executeQuery(CompiledQuery.raw('set plan_cache_mode = force_generic_plan'));
    this.genericPlans = true;
  }

  /** Destroys the client on release instead of returning it to the pool. */
  discard(): void {
    this.broken = true;
  }

  release(): void {
    this.client.release(this.broken);
  }

  private nameFor(query: CompiledQuery): string | undefined {
    if (!this.capabilities.prepares) return undefined;
    const asked = preparedNameOfQuery(query);
    const name = asked ?? (preparedUnasked(query) ? preparedNameOf(query.sql) : undefined);
    if (!name || this.preparedNames.has(name)) return name;
    if (this.preparedNames.size >= MAX_PREPARED) return undefined;
    if (!asked && this.unasked >= MAX_UNASKED) return undefined;
    if (!asked) this.unasked += 1;
    this.preparedNames.add(name);
    return name;
  }
}

function toKyselyResult<R>({ command, rowCount, rows }: PgResult): QueryResult<R> {
  // Postgres completes `commit` with a ROLLBACK tag when an earlier error aborted the transaction.
  if (command === 'ROLLBACK' || command === 'COMMIT') return { rows: [{ command } as R] };
  const writes = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  return { numAffectedRows: writes ? BigInt(rowCount ?? 0) : undefined, rows: (rows ?? []) as R[] };
}
