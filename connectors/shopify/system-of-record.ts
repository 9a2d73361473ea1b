import type {
  PluginRuntime,
  RecordKind,
  SystemOfRecord,
  UserError,
  WriteThrough,
  WriteThroughCall,
} from '../../src/sdk';
import type { SourcedTable } from './loaders';
import { SOURCE, type ShopifyTrx } from './tables';
import { shopifyCheckout } from './checkout';
import { connectedShop } from './settings';
import { shopifyCartMirror } from './storefront-cart';
import { collectionUpdate } from './write-collections';
import { customerUpdate, orderCancel, orderFulfill } from './write-customers-orders';
import { collectionAddProducts, collectionRemoveProducts } from './write-membership';
import { inventoryAdjust, inventorySet } from './write-inventory';
import { productUpdate, productVariantUpdate } from './write-products';
import { throughShopify, type ReadOutside, type ShopifyWrite } from './write-through';

const readOutside =
  (runtime: PluginRuntime, tenantId: string): ReadOutside =>
  (fn) =>
    runtime.withTenant(tenantId, fn);

async function externalIdOf(trx: ShopifyTrx, tenantId: string, table: SourcedTable, id: string) {
  const row = await trx
    .selectFrom(table)
    .select('external_id')
    .where('tenant_id', '=', tenantId)
    .where('source', '=', SOURCE)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.external_id ?? null;
}

const TABLES: Record<RecordKind, SourcedTable> = {
  Product: 'products',
  ProductVariant: 'product_variants',
  Collection: 'collections',
  Customer: 'customers',
  Order: 'orders',
};

/** Builds the Shopify mutation of a call, reading what it needs through `read` (see readOutside). */
type Build = (
  call: WriteThroughCall,
  read: ReadOutside,
) => ShopifyWrite | UserError[] | Promise<ShopifyWrite | UserError[]>;

/** Our mutations Shopify takes, each as the Admin mutation it becomes (docs/shopify.md, Writes). */
const BUILDS: Record<string, Build> = {
  productUpdate,
  productVariantUpdate,
  inventoryAdjust,
  inventorySet,
  customerUpdate,
  orderCancel,
  orderFulfill,
  collectionUpdate,
  collectionAddProducts,
  collectionRemoveProducts,
};

/**
 * Shopify as the system of record of the rows the sync wrote (`source = 'shopify'`): the catalog,
 * inventory, customers and orders plugins ask it before changing one (src/sdk/system-of-record.ts).
 */
export function shopifySystemOfRecord(runtime: PluginRuntime): SystemOfRecord {
  const writers: Record<string, WriteThrough> = {};
  for (const [mutation, build] of Object.entries(BUILDS)) {
    writers[mutation] = async (call) => {
      const write = await build(call, readOutside(runtime, call.ctx.tenant.id));
      return Array.isArray(write) ? write : throughShopify(runtime, call, write);
    };
  }
  return {
    name: 'Shopify',
    modeFor: (tenant) => connectedShop(tenant)?.writes,
    externalId: (ctx, kind, id) =>
      connectedShop(ctx.tenant)?.writes === 'write-through'
        ? readOutside(runtime, ctx.tenant.id)((trx) => externalIdOf(trx, ctx.tenant.id, TABLES[kind], id))
        : ctx.loaders.shopifyExternalId.load(`${TABLES[kind]}:${id}`),
    writers,
    checkout: shopifyCheckout(runtime),
    carts: shopifyCartMirror(),
  };
}
