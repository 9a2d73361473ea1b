import { requestSync, runNextSync } from '../../connectors/shopify/sync-runner';
import { emptyStore, seedStore } from '../fake-shopify';
import type { ShopifyHarness } from '../fake-shopify/harness';
import type { TestGateway } from '../kit/gateway';
import { syncDeps, tenantOf } from './kit';

/** Global ids of synced (Shopify) records of alpha, and of the records the tests create. */
export interface SyncedIds {
  product: string;
  variant: string;
  collection: string;
  location: string;
  customer: string;
  order: string;
}

const IDS = `{
  products(first: 1, sortKey: TITLE) { nodes { id variants(first: 1) { nodes { id } } } }
  collections(first: 1) { nodes { id } }
  locations(first: 1) { nodes { id } }
  customers(first: 1) { nodes { id } }
  orders(first: 1) { nodes { id } }
}`;

type Nodes<T = { id: string }> = { nodes: T[] };

/** Seeds the fake shop, imports it into alpha and answers the ids of the first synced records. */
export async function syncAlpha(t: TestGateway, h: ShopifyHarness): Promise<SyncedIds> {
  Object.assign(h.fake.store, emptyStore());
  seedStore(h.fake.store);
  const runtime = t.gateway.runtime;
  const alpha = tenantOf(runtime, 'alpha');
  await requestSync(runtime, alpha, 'full', 'test');
  const outcome = await runNextSync(runtime, alpha, syncDeps(h));
  if (!outcome?.ok) throw new Error(`sync failed: ${JSON.stringify(outcome?.errors)}`);
  const res = await t.graphql<{
    products: Nodes<{ id: string; variants: Nodes }>;
    collections: Nodes;
    locations: Nodes;
    customers: Nodes;
    orders: Nodes;
  }>(IDS, {}, await t.admin('alpha'));
  const d = res.body.data!;
  return {
    product: d.products.nodes[0].id,
    variant: d.products.nodes[0].variants.nodes[0].id,
    collection: d.collections.nodes[0].id,
    location: d.locations.nodes[0].id,
    customer: d.customers.nodes[0].id,
    order: d.orders.nodes[0].id,
  };
}

const WRITE_ROOTS = new Set([
  'productUpdate',
  'productVariantsBulkUpdate',
  'inventoryAdjustQuantities',
  'inventorySetQuantities',
  'customerUpdate',
  'orderCancel',
  'fulfillmentCreate',
  'collectionUpdate',
  'collectionAddProducts',
  'collectionAddProductsV2',
  'collectionRemoveProducts',
  'orderCreate',
]);

/** Write mutations the fake shop answered (any outcome). */
export const shopifyWrites = (h: ShopifyHarness) =>
  h.fake.requests.filter((r) => r.rootFields.some((f) => WRITE_ROOTS.has(f)));
