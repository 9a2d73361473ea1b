import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';

/** What a connection can do beyond running statements one at a time, decided when it is taken from its pool. */
export interface Capabilities {
  /** One simple-protocol message may carry several statements (`begin; select set_config(…)`). */
  readonly batches: boolean;
  /** The connection keeps session settings between requests: a read may run on them without `begin`. */
  readonly stamps: boolean;
  /** Statements marked `prepared` are prepared once by name and then sent as values only. */
  readonly prepares: boolean;
  /** Set by each tenant transaction itself: a transaction pooler drops the start-up parameter. */
  readonly statementTimeoutMs?: number;
}

/** PGlite's connection, and any other driver's: statements one at a time, nothing kept between requests. */
export const NO_CAPABILITIES: Capabilities = Object.freeze({ batches: false, stamps: false, prepares: false });

/** Sends a statement through Kysely (so it is logged and measured like any other). */
export type Send = (query: CompiledQuery) => Promise<QueryResult<unknown>>;

/** A connection of the request pool that knows its capabilities and the tenant its session carries. */
export interface TenantConnection extends DatabaseConnection {
  readonly capabilities: Capabilities;
  /**
   * Gives the session the settings of `tenantId` and `role` through `send`, unless it carries them
   * already. Resolves true when a statement was sent.
   */
  stamp(tenantId: string, role: string, send: Send): Promise<boolean>;
}

const isTenantConnection = (connection: DatabaseConnection): connection is TenantConnection =>
  'capabilities' in connection && 'stamp' in connection;

export const capabilitiesOf = (connection: DatabaseConnection): Capabilities =>
  isTenantConnection(connection) ? connection.capabilities : NO_CAPABILITIES;

/** The connection's stamp, when it can keep one. */
export const stampingConnection = (connection: DatabaseConnection): TenantConnection | undefined =>
  isTenantConnection(connection) && connection.capabilities.stamps ? connection : undefined;
