import { fromExcluded } from '../../src/sdk/db';
import type { InventoryLevelRecord, LocationRecord } from './records';
import { SOURCE, type ShopifyTrx } from './tables';
import { idsOf } from './upsert-products';
import { notOlder } from './versions';

export async function upsertLocations(trx: ShopifyTrx, tenantId: string, locations: LocationRecord[]): Promise<number> {
  if (locations.length === 0) return 0;
  await trx
    .insertInto('locations')
    .values(
      locations.map((l) => ({
        tenant_id: tenantId,
        source: SOURCE,
        external_id: l.externalId,
        name: l.name,
        created_at: l.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'source', 'external_id']).doUpdateSet(fromExcluded(['name'])))
    .execute();
  return locations.length;
}

/**
 * Sets stock per variant and location. Shopify names the inventory item; a level whose item or
 * location we do not have (not synced yet, or not a product variant) is skipped, not an error, and
 * so is a level older than the one stored. Returns how many levels were sent to be written.
 */
export async function upsertInventoryLevels(
  trx: ShopifyTrx,
  tenantId: string,
  levels: InventoryLevelRecord[],
): Promise<number> {
  if (levels.length === 0) return 0;
  const items = [...new Set(levels.map((l) => l.inventoryItemId))];
  const variants = await trx
    .selectFrom('product_variants')
    .select(['id', 'external_inventory_item_id'])
    .where('tenant_id', '=', tenantId)
    .where('external_inventory_item_id', 'in', items)
    .execute();
  const variantOf = new Map(variants.map((v) => [v.external_inventory_item_id!, v.id]));
  const locationOf = await idsOf(
    trx,
    tenantId,
    'locations',
    levels.map((l) => l.locationId),
  );
  // One row per (variant, location): the last level in the batch wins.
  const rows = new Map<
    string,
    {
      tenant_id: string;
      variant_id: string;
      location_id: string;
      available: number;
      updated_at: string;
      shopify_updated_at: string;
    }
  >();
  for (const l of levels) {
    const variant = variantOf.get(l.inventoryItemId);
    const location = locationOf.get(l.locationId);
    if (!variant || !location) continue;
    rows.set(`${variant}:${location}`, {
      tenant_id: tenantId,
      variant_id: variant,
      location_id: location,
      available: l.available,
      updated_at: l.updatedAt,
      shopify_updated_at: l.updatedAt,
    });
  }
  if (rows.size === 0) return 0;
  await trx
    .insertInto('inventory_levels')
    .values([...rows.values()])
    .onConflict((oc) =>
      oc
        .columns(['variant_id', 'location_id'])
        .doUpdateSet(fromExcluded(['available', 'updated_at', 'shopify_updated_at']))
        .where(notOlder('inventory_levels')),
    )
    .execute();
  return rows.size;
}
