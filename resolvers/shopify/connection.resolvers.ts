import type { GatewayContext } from '../../src/sdk';
import { readConnection } from '../../connectors/shopify/connection-status';
import { connectedShop } from '../../connectors/shopify/settings';
import { circuitStateOf, queueSync } from '../../connectors/shopify/sync-runner';
import type { ShopifyDb } from '../../connectors/shopify/tables';
import type {
  MutationResolvers,
  MutationShopifySyncStartArgs,
  QueryResolvers,
  ShopifySyncRun,
  ShopifySyncStartPayload,
} from '../generated/resolvers-types';

type RunRow = {
  id: string;
  mode: 'full' | 'incremental';
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  counts: Record<string, number>;
  errors: string[];
  throttled_waits: number;
  trigger: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

/** Stored states are the schema's enum values in lower case; `toUpperCase` keeps the literal type. */
const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

const countsOf = (counts: Record<string, number>) =>
  Object.entries(counts).map(([resource, count]) => ({ resource, count }));

/** A sync run as the schema shows it. */
function runView(run: RunRow): ShopifySyncRun {
  return {
    id: run.id,
    mode: upper(run.mode),
    status: upper(run.status),
    trigger: run.trigger,
    counts: countsOf(run.counts),
    errors: run.errors,
    throttledWaits: run.throttled_waits,
    createdAt: run.created_at,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
  };
}

export const connectionResolvers: { Query: QueryResolvers; Mutation: MutationResolvers } = {
  Query: {
    shopifyConnection: async (_: unknown, __: unknown, ctx: GatewayContext) => {
      const shop = connectedShop(ctx.tenant);
      if (!shop) return null;
      const { connection, lastRun, counts } = await readConnection(await ctx.db.get<ShopifyDb>(), ctx.tenant.id);
      return {
        shop: shop.shop,
        apiVersion: shop.apiVersion,
        status: upper(connection?.status ?? 'active'),
        resources: [...shop.resources],
        lastSyncAt: connection?.last_sync_at ?? null,
        lastRun: lastRun ? runView(lastRun) : null,
        counts,
        errors: lastRun?.status === 'failed' ? lastRun.errors : [],
        throttle: { throttledWaits: connection?.throttled_waits ?? 0, circuit: circuitStateOf(shop.shop) },
        uninstalledAt: connection?.uninstalled_at ?? null,
      };
    },
  },
  Mutation: {
    /** Queues the run in the request's transaction; a sync worker (job or CLI) claims and runs it. */
    shopifySyncStart: async (_: unknown, args: MutationShopifySyncStartArgs, ctx: GatewayContext) => {
      const shop = connectedShop(ctx.tenant);
      if (!shop) {
        return {
          run: null,
          userErrors: [{ field: null, code: 'NOT_ALLOWED', message: 'No Shopify shop is configured' }],
        };
      }
      return ctx.db.atomic<ShopifyDb, ShopifySyncStartPayload>(async (trx) => {
        const run = await queueSync(trx, ctx.tenant.id, shop, args.full ? 'full' : 'incremental', 'admin');
        if (!run) {
          return {
            run: null,
            userErrors: [
              { field: null, code: 'NOT_ALLOWED', message: 'The Shopify app was uninstalled from this shop' },
            ],
          };
        }
        // The run is the whole row (enqueueRun selects all, returns all); its type names only what the runner reads.
        return { run: runView(run as unknown as RunRow), userErrors: [] };
      });
    },
  },
};
