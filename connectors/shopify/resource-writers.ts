import type { BulkUnit } from './bulk-units';
import { typeOf } from './bulk-units';
import {
  toCollection,
  toCustomer,
  toInventoryLevel,
  toLineItem,
  toLocation,
  toOrder,
  toProduct,
  toVariant,
} from './map-graphql';
import type { InventoryLevelRecord } from './records';
import type { SyncResource } from './settings';
import type { ShopifyTrx } from './tables';
import { upsertCustomers } from './upsert-customers';
import { upsertInventoryLevels, upsertLocations } from './upsert-inventory';
import { toMetafield, upsertMetafields, type MetafieldRecord } from './upsert-metafields';
import { upsertOrders } from './upsert-orders';
import { upsertProducts } from './upsert-products';

export type Counts = Record<string, number>;

/** Writes a batch of bulk units of one resource in the caller's transaction; returns what it wrote. */
type UnitWriter = (trx: ShopifyTrx, tenantId: string, units: BulkUnit[]) => Promise<Counts>;

const childrenOf = (unit: BulkUnit, type: string) => unit.children.filter((c) => typeOf(c) === type);

export const UNIT_WRITERS: Record<SyncResource, UnitWriter> = {
  async products(trx, tenantId, units) {
    const products = units.map((u) => ({
      ...toProduct(u.root),
      variants: childrenOf(u, 'ProductVariant').map(toVariant),
      collections: childrenOf(u, 'Collection').map(toCollection),
    }));
    await upsertProducts(trx, tenantId, products);
    const metafields = units
      .flatMap((u) => childrenOf(u, 'Metafield').map(toMetafield))
      .filter((m): m is MetafieldRecord => m !== null);
    const imported = await upsertMetafields(trx, tenantId, metafields);
    return {
      ...(imported > 0 && { metafields: imported }),
      products: products.length,
      variants: products.reduce((n, p) => n + p.variants.length, 0),
      collections: new Set(products.flatMap((p) => p.collections.map((c) => c.externalId))).size,
    };
  },
  async inventory(trx, tenantId, units) {
    const locations = await upsertLocations(
      trx,
      tenantId,
      units.map((u) => toLocation(u.root)),
    );
    const levels = units.flatMap((u) =>
      childrenOf(u, 'InventoryLevel')
        .map((c) => toInventoryLevel(c, { location: String(u.root.id) }))
        .filter((l): l is InventoryLevelRecord => l !== null),
    );
    return { locations, inventoryLevels: await upsertInventoryLevels(trx, tenantId, levels) };
  },
  async customers(trx, tenantId, units) {
    return {
      customers: await upsertCustomers(
        trx,
        tenantId,
        units.map((u) => toCustomer(u.root)),
      ),
    };
  },
  async orders(trx, tenantId, units) {
    const orders = units.map((u) => toOrder(u.root, childrenOf(u, 'LineItem').map(toLineItem)));
    await upsertOrders(trx, tenantId, orders);
    return { orders: orders.length, lineItems: orders.reduce((n, o) => n + o.lineItems.length, 0) };
  },
};

/** The latest `updatedAt` among the roots and children of the units. */
export function latestUpdate(units: BulkUnit[]): string | null {
  let latest: string | null = null;
  for (const u of units) {
    for (const r of [u.root, ...u.children]) {
      const t = typeof r.updatedAt === 'string' ? r.updatedAt : null;
      if (t && (!latest || Date.parse(t) > Date.parse(latest))) latest = t;
    }
  }
  return latest;
}

export function addCounts(into: Counts, more: Counts): Counts {
  for (const [k, v] of Object.entries(more)) into[k] = (into[k] ?? 0) + v;
  return into;
}
