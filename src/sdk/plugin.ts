import type { Router } from 'express';
import type { IResolvers } from '@graphql-tools/utils';
import type { and } from 'graphql-shield';
import type { Kysely, Migration } from 'kysely';
import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import type { Access } from './access';
import type { ColumnNeeds } from './columns';
import type { GatewayContext, LoaderContext, Loaders } from './context';
import type { SystemOfRecord } from './system-of-record';
import type { ShopperVerifier } from './shopper';
import type { PersonalData, PersonalDataHolder } from './personal-data';
import type { PaymentProviderDefinition, PaymentProviders } from './payment-provider';
import type { OrderSettlement } from './order-settlement';
import type { OrderCancellation } from './order-cancellation';
import type { Tenant } from './tenant';

/** A graphql-shield rule or a logic rule (and, or, chain...). */
export type ShieldRule = Parameters<typeof and>[number];

/** Shield rules by type and field. Root fields (Query, Mutation) must each have one. */
export type PermissionMap = Record<string, Record<string, ShieldRule>>;

/**
 * How `node(id:)` finds a type. The engine calls `load` only for callers `visibleTo` allows: give it the
 * `Access` whose rule guards the type's root fields, so both answer alike. `load` returns null when the
 * row is absent or hidden from this caller by the row's own state (an unpublished product).
 */
export interface NodeSource {
  load: (ctx: GatewayContext, localId: string) => Promise<object | null>;
  visibleTo: Access;
}

/** Static cost of a field: `cost` (default 1 for objects, 0 for scalars) times the size argument. */
export interface CostHint {
  cost?: number;
  /** Arguments whose value multiplies the cost of the selection below (e.g. first, last). */
  multipliers?: readonly string[];
  /** The size assumed when no multiplier argument is given. */
  defaultSize?: number;
}
export type CostMap = Record<string, CostHint>;

/** Services a plugin's routes, jobs and health checks may use outside a GraphQL request. */
export interface PluginRuntime {
  /** Unscoped database handle: use `withTenant` for anything that touches tenant rows. */
  db: Kysely<unknown>;
  withTenant<DB, T>(tenantId: string, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  tenants(): readonly Tenant[];
  log: Logger;
  /** Counters of the gateway's /metrics that jobs and routes feed (set once the gateway is assembled). */
  metrics?: RuntimeMetrics;
  /** Every composed plugin's personal data, for privacy requests (set once the plugins are composed). */
  personalData?: PersonalData;
  /** Every composed plugin's payment providers by name (set once the plugins are composed). */
  paymentProviders?: PaymentProviders;
  /** The composed plugins' order cancel, for other plugins' jobs and routes (set once the plugins are composed). */
  orderCancellation?: OrderCancellation | null;
}

/** What the composed plugins contribute, for a plugin whose tenant settings depend on it (`tenantConfig`). */
export interface ComposedContributions {
  paymentProviders: PaymentProviders;
}

/** A Prometheus counter as plugins see it. */
export interface CounterLike {
  inc(labels: Record<string, string>, value?: number): void;
}

/**
 * A counter a plugin declares in its manifest (`metrics`); the engine registers it on the gateway's
 * /metrics. Name it `gateway_<plugin>_..._total`; label values must come from a bounded set.
 */
export interface CounterSpec {
  name: string;
  help: string;
  labels: readonly string[];
}

export interface RuntimeMetrics {
  /** The registered counter of a spec an active plugin's manifest declares. */
  counter(spec: CounterSpec): CounterLike;
}

export interface PluginJob {
  name: string;
  intervalMs: number;
  run(runtime: PluginRuntime, signal: AbortSignal): Promise<void>;
  /**
   * On Postgres each tick of a job runs on one instance of the fleet (src/jobs). A job that claims its
   * own work item by item (`for update skip locked`) may set this to run on every instance in parallel.
   */
  everyInstance?: boolean;
}

/** An option of a plugin's command, in commander's syntax: `--tenant <id>`, `--full`. */
export interface PluginCommandOption {
  flags: string;
  description: string;
  required?: boolean;
}

/**
 * A command a plugin adds to the gateway CLI under a verb (`commands: { sync: ... }` gives
 * `npm run gateway -- sync <plugin> [options]`). The CLI starts a migrated gateway, runs the command
 * with its runtime and stops the gateway; a thrown error is printed and exits 1.
 */
export interface PluginCommand {
  description: string;
  options?: readonly PluginCommandOption[];
  run(runtime: PluginRuntime, options: Record<string, string | boolean | undefined>): Promise<void>;
}

export interface PluginHealth {
  ok: boolean;
  detail?: string;
}

export interface SeedOptions {
  profile: 'demo' | 'bench';
  tenants: readonly Tenant[];
  /** Bench: products per tenant (`seed --bench --products N`); each plugin's default otherwise. */
  products?: number;
}

/**
 * A remote GraphQL service as a connector (docs/federation.md). Its schema is read at start-up: from
 * `{ _service { sdl } }` for an Apollo Federation v2 subgraph, else from `sdlFile` or introspection.
 */
export interface RemoteService {
  /** The service's GraphQL endpoint; a tenant may override it (`settings.<plugin>.url`). */
  url: string;
  kind: 'federation' | 'graphql';
  /** A committed SDL file (path from the project root) used instead of introspection (`graphql` only). */
  sdlFile?: string;
  /**
   * Fields a plain GraphQL service adds to our types: `'Collection.banner'` read through its root field
   * `field`, called once per query level with all the parents' ids as `argument` (answers in id order).
   */
  links?: Record<string, { field: string; argument: string }>;
  /** Largest answer accepted, in bytes (default 1 MB). */
  maxResponseBytes?: number;
}

export interface PluginDefinition {
  name: string;
  version: string;
  dependsOn?: readonly string[];
  /** Enabled for every tenant, listed in its file or not; its fields need no per-tenant check. */
  alwaysOn?: boolean;
  /** SDL fragments, usually `schemaFragment('<name>')` (the files in schema/<name>/); read from the service for `remote`. */
  typeDefs: string | readonly string[];
  /** A remote service whose schema and fields join the graph: no local resolvers, tables or loaders. */
  remote?: RemoteService;
  resolvers?: IResolvers<unknown, GatewayContext>;
  /**
   * The parent each of this plugin's types' resolvers receive, for the generated resolver types
   * (`npm run codegen` writes them into codegen.yml): `path#Type` from the project root
   * (`connectors/reviews/tables#ReviewRow`), or a type expression (`CountedConnection<ReviewRow>`).
   */
  mappers?: Record<string, string>;
  permissions?: PermissionMap;
  costs?: CostMap;
  createLoaders?: (ctx: LoaderContext) => Partial<Loaders>;
  /** Columns the resolvers read, per GraphQL type backed by a table: loaders select only those. */
  columns?: ColumnNeeds;
  /** Node fetchers by GraphQL type name, for `node(id:)` and `ctx.loadNodeOf`. */
  nodes?: Record<string, NodeSource>;
  /**
   * Verifies shoppers' credentials (X-Customer-Access-Token) for `ctx.shopper()`; at most one plugin of
   * a graph provides it, and only for the tenants that enable it.
   */
  shoppers?: ShopperVerifier;
  /**
   * What this plugin holds of a customer, for data exports and erasures (`ctx.personalData`,
   * `runtime.personalData`): every plugin that stores personal data declares it.
   */
  personalData?: PersonalDataHolder;
  /**
   * Admin scopes this plugin's rules check (`access.scope`). A token's scopes count only if an active
   * plugin declares them; `token` mints and accepts only those.
   */
  scopes?: readonly string[];
  /**
   * Outbound webhook topics this plugin's writes emit (`emitEvent` of src/sdk/db, in the write's
   * transaction), e.g. `ORDERS_CREATE`; topics declared for writes still to come may be listed too.
   */
  events?: readonly string[];
  /** Counters this plugin feeds from its jobs and routes (`runtime.metrics.counter(spec)`). */
  metrics?: Record<string, CounterSpec>;
  /** Kysely migrations by name (sorted by name), kept in this plugin's own migration table. */
  migrations?: Record<string, Migration>;
  /**
   * Zod schema of this plugin's per-tenant settings (tenants/<id>.yaml, `settings.<name>`); or a function
   * of what the composed plugins contribute that makes it (settings naming other plugins' providers).
   */
  tenantConfig?: ZodType | ((composed: ComposedContributions) => ZodType);
  /**
   * Payment providers (authorize, capture, void, refund, a signed webhook) this plugin contributes; the
   * payments plugin offers them to the tenants that list them. Names are unique across the graph.
   */
  paymentProviders?: readonly PaymentProviderDefinition[];
  /**
   * Settles the money of orders cancelled in a request (`ctx.orderSettlement`), made once per gateway; at
   * most one plugin of a graph provides it, and only for the tenants that enable it.
   */
  orderSettlement?: (runtime: PluginRuntime) => OrderSettlement;
  /** Cancels an order in a caller's transaction as `orderCancel` does (`runtime.orderCancellation`); one plugin provides it. */
  orderCancellation?: OrderCancellation;
  routes?: (router: Router, runtime: PluginRuntime) => void;
  /** CLI commands by verb (src/cli/plugin-commands.ts lists the verbs the CLI offers). */
  commands?: Record<string, PluginCommand>;
  jobs?: readonly PluginJob[];
  health?: (runtime: PluginRuntime) => Promise<PluginHealth>;
  /** Writes sample data for the given tenants (`demo`: a small shop; `bench`: a large catalog, fast). */
  seed?: (runtime: PluginRuntime, options: SeedOptions) => Promise<void>;
  /**
   * Another system that owns some of the tenants' records (src/sdk/system-of-record.ts), made once per
   * gateway: other plugins' mutations consult it through `writeElsewhere`.
   */
  systemOfRecord?: (runtime: PluginRuntime) => SystemOfRecord;
  setup?: (runtime: PluginRuntime) => Promise<void> | void;
  teardown?: (runtime: PluginRuntime) => Promise<void> | void;
}

/** Identity at run time; gives plugin authors type checking of their manifest. */
export function definePlugin<T extends PluginDefinition>(plugin: T): T {
  return plugin;
}

/** A remote connector's manifest: no SDL of its own, the service's is read at start-up (docs/federation.md). */
export function defineRemotePlugin(
  plugin: Omit<PluginDefinition, 'typeDefs' | 'resolvers' | 'createLoaders' | 'migrations'> & { remote: RemoteService },
): PluginDefinition {
  return { ...plugin, typeDefs: [] };
}
