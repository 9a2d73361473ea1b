import type { IncrementalResource } from './incremental-queries';
import { updatedSince } from './incremental';
import { inBatches } from './jsonl';
import { toCustomer, toInventoryLevel, toOrder, toProduct, toVariant } from './map-graphql';
import type { InventoryLevelRecord } from './records';
import type { Counts } from './resource-writers';
import type { SyncResource } from './settings';
import type { SyncContext } from './sync-context';
import { later, saveState, type ResourceState } from './sync-state';
import type { ShopifyTrx } from './tables';
import { upsertCustomers } from './upsert-customers';
import { upsertInventoryLevels } from './upsert-inventory';
import { toMetafield, upsertMetafields, type MetafieldRecord } from './upsert-metafields';
import { upsertOrders } from './upsert-orders';
import { idsOf, upsertProducts, upsertVariants } from './upsert-products';
import { writeBatch } from './write-batch';

type Node = Record<string, unknown>;
type PageWriter = (trx: ShopifyTrx, tenantId: string, nodes: Node[]) => Promise<Counts>;

/** The metafields the nodes (products or variants, just written) carry; counted only when some were written. */
async function importMetafields(trx: ShopifyTrx, tenantId: string, nodes: Node[]): Promise<Counts> {
  const records = nodes
    .flatMap((n) =>
      ((n.metafields as { nodes?: Node[] })?.nodes ?? []).map((m) => toMetafield({ ...m, __parentId: String(n.id) })),
    )
    .filter((m): m is MetafieldRecord => m !== null);
  const metafields = await upsertMetafields(trx, tenantId, records);
  return metafields > 0 ? { metafields } : {};
}

/** Each resource's incremental queries, in order, and how a page of their nodes is written. */
const PASSES: Record<SyncResource, [IncrementalResource, PageWriter][]> = {
  products: [
    [
      'products',
      async (trx, t, nodes) => {
        const products = (await upsertProducts(trx, t, nodes.map(toProduct))).size;
        return { products, ...(await importMetafields(trx, t, nodes)) };
      },
    ],
    [
      'productVariants',
      async (trx, t, nodes) => {
        const products = await idsOf(
          trx,
          t,
          'products',
          nodes.map((n) => String((n.product as Node)?.id)),
        );
        const variants = nodes
          .filter((n) => products.has(String((n.product as Node)?.id)))
          .map((n) => ({ productId: products.get(String((n.product as Node).id))!, variant: toVariant(n) }));
        const written = await upsertVariants(trx, t, variants);
        return { variants: written, ...(await importMetafields(trx, t, nodes)) };
      },
    ],
  ],
  inventory: [
    [
      'inventoryItems',
      async (trx, t, items) => {
        const levels = items.flatMap((item) =>
          ((item.inventoryLevels as { nodes?: Node[] })?.nodes ?? [])
            .map((l) => toInventoryLevel(l, { item: String(item.id) }))
            .filter((l): l is InventoryLevelRecord => l !== null),
        );
        return { inventoryLevels: await upsertInventoryLevels(trx, t, levels) };
      },
    ],
  ],
  customers: [
    ['customers', async (trx, t, nodes) => ({ customers: await upsertCustomers(trx, t, nodes.map(toCustomer)) })],
  ],
  orders: [
    [
      'orders',
      async (trx, t, nodes) => {
        const orders = nodes.map((n) => toOrder(n));
        await upsertOrders(trx, t, orders);
        return { orders: orders.length, lineItems: orders.reduce((n, o) => n + o.lineItems.length, 0) };
      },
    ],
  ],
};

/**
 * Fetches what changed since the resource's high-water mark, page by page, writing each batch in one
 * transaction. The mark moves only when the whole resource is done, so a failed run repeats (upserts
 * are idempotent) rather than skips.
 */
export async function incrementalImport(ctx: SyncContext, resource: SyncResource, state: ResourceState): Promise<void> {
  const since = state.high_water ?? new Date(0);
  let highWater = state.high_water;
  let written = 0;
  for (const [query, writePage] of PASSES[resource]) {
    for await (const nodes of inBatches(updatedSince(ctx.admin, query, { updatedAfter: since }), ctx.batchSize)) {
      for (const n of nodes) highWater = later(highWater, typeof n.updatedAt === 'string' ? n.updatedAt : null);
      await writeBatch(ctx, (trx) => writePage(trx, ctx.tenantId, nodes));
      written += nodes.length;
      ctx.progress({ resource, phase: 'incremental', written });
    }
  }
  await ctx.tx((trx) => saveState(trx, ctx.tenantId, resource, { high_water: highWater }));
}
