import type {
  PluginRuntime,
  RecordKind,
  SystemOfRecord,
  UserError,
  WriteThrough,
  WriteThroughCall,
} from '../../src/sdk';
import type { SourcedTable } from './loaders';
import { connectedShop } from './settings';
import { inventoryAdjust, inventorySet } from './write-inventory';
import { productUpdate, productVariantUpdate } from './write-products';
import { throughShopify, type ShopifyWrite } from './write-through';

const TABLES: Record<RecordKind, SourcedTable> = {
  Product: 'products',
  ProductVariant: 'product_variants',
  Collection: 'collections',
  Customer: 'customers',
  Order: 'orders',
};

type Build = (call: WriteThroughCall) => ShopifyWrite | UserError[] | Promise<ShopifyWrite | UserError[]>;

/** Our mutations Shopify takes, each as the Admin mutation it becomes (docs/shopify.md, Writes). */
const BUILDS: Record<string, Build> = {
  productUpdate,
  productVariantUpdate,
  inventoryAdjust,
  inventorySet,
};

/**
 * Shopify as the system of record of the rows the sync wrote (`source = 'shopify'`): the catalog,
 * inventory, customers and orders plugins ask it before changing one (src/sdk/system-of-record.ts).
 */
export function shopifySystemOfRecord(runtime: PluginRuntime): SystemOfRecord {
  const writers: Record<string, WriteThrough> = {};
  for (const [mutation, build] of Object.entries(BUILDS)) {
    writers[mutation] = async (call) => {
      const write = await build(call);
      return Array.isArray(write) ? write : throughShopify(runtime, call, write);
    };
  }
  return {
    name: 'Shopify',
    modeFor: (tenant) => connectedShop(tenant)?.writes,
    externalId: (ctx, kind, id) => ctx.loaders.shopifyExternalId.load(`${TABLES[kind]}:${id}`),
    writers,
  };
}
