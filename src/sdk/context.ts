import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { ColumnChoice } from './columns';
import type { Principal } from './principal';
import type { SystemOfRecord } from './system-of-record';
import type { Shopper } from './shopper';
import type { AttemptLimiter } from './attempts';
import type { GatewayIntrospection } from './status';
import type { Tenant } from './tenant';
import type { PersonalData } from './personal-data';
import type { PaymentProviders } from './payment-provider';
import type { OrderSettlement } from './order-settlement';

/**
 * Per-request DataLoaders. Each plugin adds its own by module augmentation:
 *   declare module '../../src/sdk' { interface Loaders { product: DataLoader<string, Product> } }
 * so the engine never imports a plugin.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/**
 * The request's tenant-scoped database handle, opened on first use with RLS set: one transaction for a
 * mutation; for a query, statements on one connection that carries the tenant (no transaction until `atomic`).
 */
export interface TenantDb {
  readonly tenantId: string;
  /** The request's connection (taken on first use), typed as the caller's tables. */
  get<DB>(): Promise<Kysely<DB>>;
  /** Runs `fn` atomically inside the request transaction (a savepoint): all of it or none of it. */
  atomic<DB, T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`, which sends one statement, as the request's only write. When the operation is a mutation
   * of this one root field (on Postgres, not behind a transaction pooler), the statement commits by
   * itself, without `begin`, savepoint and `commit`, so its row locks are held only while it runs; then
   * `fn` must throw only when its statement wrote nothing, and the request writes nothing more. Otherwise
   * it runs as `atomic` does. A second statement inside `fn` is refused before it is sent.
   */
  sole<DB, T>(fn: (conn: Kysely<DB>) => Promise<T>): Promise<T>;
  /** Statements sent so far by this request, transaction control included. */
  readonly statementCount: number;
}

export interface GatewayContext {
  requestId: string;
  tenant: Tenant;
  principal: Principal;
  /**
   * The signed-in shopper of a storefront request (X-Customer-Access-Token), verified on first call and
   * remembered for the request; null without a valid credential, and always for staff. `on`: a
   * connection of the caller's own in the tenant's transaction (a system of record's, `withTenant`) to
   * verify on instead of the request's, which the embedded database could not give while the caller
   * holds its single connection.
   */
  shopper(on?: Kysely<unknown>): Promise<Shopper | null>;
  /** The client's network address as the server sees it (the proxy's, unless Express trusts one). */
  clientAddress: string;
  /** Every composed plugin's personal data, for privacy requests (exports and erasures). */
  personalData: PersonalData;
  /** Every composed plugin's payment providers by name. */
  paymentProviders: PaymentProviders;
  /** Settles a cancelled order's money at its provider; null when no plugin the tenant enables offers it. */
  orderSettlement: OrderSettlement | null;
  /** Attempt buckets of this tenant, for throttling what credential guessing would repeat. */
  attempts: AttemptLimiter;
  db: TenantDb;
  loaders: Loaders;
  log: Logger;
  gateway: GatewayIntrospection;
  /** Systems of record of the tenant's active plugins (`writeElsewhere` asks them before each write). */
  recordSystems: readonly SystemOfRecord[];
  /** Loads any Node by global id through the plugin that owns its type (null when absent or hidden). */
  loadNode(globalId: string): Promise<unknown>;
  /** The type a node answered by `loadNode` in this request was loaded as (the Node interface's type). */
  nodeType(node: object): string | undefined;
  /**
   * The same for a field whose type is known: by type name and local id, no global id to build and parse.
   * `Row` names what the owning plugin's fetcher answers (the type's mapper in codegen.yml); unchecked.
   */
  loadNodeOf<Row = unknown>(type: string, id: string): Promise<Row | null>;
  /**
   * The columns of a type's table that this request's operation reads (declared by the plugins'
   * `columns`); every column outside an analysed query. Ask when the statement runs, not before.
   */
  columns: (type: string) => ColumnChoice;
  /**
   * Whether this request's operation selects `field` on the object type `type` anywhere, through
   * fragments too (the analysis `columns` reads); true outside an analysed query.
   */
  selects: (type: string, field: string) => boolean;
}

/** A loader's batch function: the keys of one batch in, one value (or Error) per key out. */
export type BatchFunction<K, V> = (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>>;

/** What a plugin's loader factory receives. */
export type LoaderContext = Pick<GatewayContext, 'tenant' | 'db' | 'columns'> & {
  /**
   * Puts a batch function under the plugin's deadline and circuit: wrap every loader's batch in it
   * (`new DataLoader(ctx.guardBatch(batch))`). Fields that return a loader's promise are guarded
   * through it, not per call.
   */
  guardBatch: <K, V>(batch: BatchFunction<K, V>) => BatchFunction<K, V>;
};

/** The shared database, for jobs and routes that run outside a request (no tenant scope). */
export type SharedDb = Kysely<unknown>;
