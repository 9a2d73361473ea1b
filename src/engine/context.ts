import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { tenantDbOn } from '../db/connection-tenant-db';
import { TenantSession } from '../db/tenant-session';
import {
  parseGlobalId,
  type GatewayContext,
  type GatewayIntrospection,
  type LoaderContext,
  type NodeSource,
  type PluginDefinition,
  type PluginRuntime,
  type SystemOfRecord,
  type Shopper,
} from '../sdk';
import type { Authenticated } from '../auth/authenticate';
import type { RequestRecord } from '../observability/request-record';
import { ColumnPlanner } from './columns/column-planner';
import { RequestColumns } from './columns/request-columns';
import type { BucketStore } from '../limits/bucket-store';
import { MemoryBucketStore } from '../limits/memory-bucket-store';
import { attemptLimiter } from './attempts';
import { requestLoaders } from './lazy-loaders';
import { personalDataOf } from '../plugins/personal-data';
import { paymentProvidersOf } from '../plugins/payment-providers';

/** The context of one request, with the concrete session the engine commits at the end. */
export type RequestContext = GatewayContext & {
  db: TenantSession;
  record?: RequestRecord;
  /** The columns loaders select, narrowed to the operation's fields once it is known (request-plan-plugin.ts). */
  requestColumns: RequestColumns;
};

export interface ContextDeps {
  db: Kysely<unknown>;
  appRole: string;
  plugins: readonly PluginDefinition[];
  gateway: GatewayIntrospection;
  /** Partial rows throw when an unselected column is read (outside production). */
  guardPartialRows: boolean;
  /** The plugin's deadline and circuit for its loaders' batches (PluginGuard.batchGuard). */
  batchGuard: (plugin: string) => LoaderContext['guardBatch'];
  /** Given to the plugins' `systemOfRecord` factories, once. */
  runtime: PluginRuntime;
  /** The buckets behind `ctx.attempts` (the rate limit's store: Redis when configured); in memory when omitted. */
  buckets?: BucketStore;
}

/**
 * Holds `log` as a getter on the prototype. Apollo copies every request's context with `Object.assign`,
 * which calls own getters: an own `log` getter would build the child logger that most requests never use.
 */
class LazyRequestLog {
  private cachedLog?: Logger;
  constructor(private readonly logOf: () => Logger) {}
  get log(): Logger {
    return (this.cachedLog ??= this.logOf());
  }
}

/** Builds request contexts: one tenant session, fresh loaders, and node lookup by type owner. */
export function contextFactory(deps: ContextDeps) {
  const nodeSources = new Map<string, NodeSource & { plugin: string }>();
  for (const plugin of deps.plugins) {
    for (const [typeName, source] of Object.entries(plugin.nodes ?? {}))
      nodeSources.set(typeName, { plugin: plugin.name, ...source });
  }
  const loadersOf = requestLoaders(
    deps.plugins.flatMap((p) =>
      p.createLoaders ? [{ create: p.createLoaders, guardBatch: deps.batchGuard(p.name) }] : [],
    ),
  );
  const planner = new ColumnPlanner(deps.plugins, deps.guardPartialRows);
  const systems = deps.plugins.flatMap((p) =>
    p.systemOfRecord ? [{ plugin: p.name, system: p.systemOfRecord(deps.runtime) }] : [],
  );
  const noSystems: readonly SystemOfRecord[] = [];
  const shopperSource = deps.plugins.find((p) => p.shoppers);
  const personalData = personalDataOf(deps.plugins);
  const paymentProviders = paymentProvidersOf(deps.plugins);
  const settlementSource = deps.plugins.find((p) => p.orderSettlement);
  const settlement = settlementSource?.orderSettlement?.(deps.runtime) ?? null;
  const buckets = deps.buckets ?? new MemoryBucketStore();

  return (
    auth: Authenticated,
    requestId: string,
    logOf: () => Logger,
    record?: RequestRecord,
    clientAddress = '',
  ): RequestContext => {
    const tenant = auth.entry.tenant;
    const db = new TenantSession(deps.db, tenant.id, deps.appRole);
    const requestColumns = new RequestColumns(planner);
    let nodeTypes: WeakMap<object, string> | undefined; // made by the first loadNode: most requests have none
    let shopper: Promise<Shopper | null> | undefined;
    const credential = auth.principal.kind === 'storefront' ? auth.shopperCredential : undefined;
    const verify =
      credential && shopperSource?.shoppers && tenant.plugins.has(shopperSource.name)
        ? shopperSource.shoppers
        : undefined;
    const ctx: RequestContext = Object.assign(new LazyRequestLog(logOf), {
      requestId,
      tenant,
      principal: auth.principal,
      // Verified once, on the connection of whoever asks first: the answer does not depend on it.
      shopper: (on?: Kysely<unknown>) =>
        (shopper ??=
          verify && credential ? verify(ctx, credential, on ? tenantDbOn(on, tenant.id) : db) : Promise.resolve(null)),
      clientAddress,
      personalData,
      paymentProviders,
      orderSettlement: settlement && tenant.plugins.has(settlementSource!.name) ? settlement : null,
      attempts: attemptLimiter(buckets, tenant.id),
      db,
      loaders: loadersOf({ tenant, db, columns: requestColumns.choose }),
      gateway: deps.gateway,
      recordSystems: systems.length === 0 ? noSystems : systemsOf(systems, tenant.plugins),
      record,
      loadNode: async (globalId: string) => {
        const parsed = parseGlobalId(globalId);
        const node = parsed && (await ctx.loadNodeOf<object>(parsed.type, parsed.id));
        if (!node) return null;
        // Remembered beside the row, not copied into it: a copy would drop the partial-row guard.
        (nodeTypes ??= new WeakMap()).set(node, parsed.type);
        return node;
      },
      nodeType: (node: object) => nodeTypes?.get(node),
      loadNodeOf: <Row>(type: string, id: string) => {
        const source = nodeSources.get(type);
        // A type of a plugin the tenant has not enabled, or one the caller may not read, reads as absent.
        const visible = source && tenant.plugins.has(source.plugin) && source.visibleTo.allows(ctx);
        const node = visible ? source.load(ctx, id) : null;
        return Promise.resolve(node) as Promise<Row | null>;
      },
      requestColumns,
      columns: requestColumns.choose,
      selects: requestColumns.selects,
    });
    return ctx;
  };
}

/** The systems of record of the plugins this tenant has enabled. */
function systemsOf(
  systems: readonly { plugin: string; system: SystemOfRecord }[],
  enabled: ReadonlySet<string>,
): readonly SystemOfRecord[] {
  return systems.filter((s) => enabled.has(s.plugin)).map((s) => s.system);
}
