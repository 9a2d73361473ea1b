import { localIdOf, type UserError, type WriteThroughCall } from '../../src/sdk';
import { SOURCE, type ShopifyTrx } from './tables';
import { upsertInventoryLevels } from './upsert-inventory';
import type { ReadOutside, ShopifyWrite } from './write-through';
import { renamed } from './write-user-errors';

type Input = { variantId: string; locationId: string; delta?: number; quantity?: number; reason: string };

const CHANGES = `inventoryAdjustmentGroup { createdAt changes { name delta quantityAfterChange item { id } location { id } } }
  userErrors { field message code }`;

/** Shopify names stock by inventory item and location: ours must both come from Shopify. */
async function shopifyTarget(trx: ShopifyTrx, tenantId: string, variantId: string, locationGid: string) {
  const variant = await trx
    .selectFrom('product_variants')
    .select('external_inventory_item_id as item')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', variantId)
    .executeTakeFirst();
  const locationId = localIdOf(locationGid, 'Location') ?? '0';
  const location = await trx
    .selectFrom('locations')
    .select('external_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', locationId)
    .where('source', '=', SOURCE)
    .executeTakeFirst();
  return { item: variant?.item ?? null, location: location?.external_id ?? null };
}

/** Writes the levels Shopify reports after the change, versioned by the change's time. */
async function applyChanges(trx: ShopifyTrx, tenantId: string, payload: Record<string, unknown>) {
  const group = payload.inventoryAdjustmentGroup as {
    createdAt: string;
    changes: { name: string; quantityAfterChange: number | null; item: { id: string }; location: { id: string } }[];
  } | null;
  const levels = (group?.changes ?? [])
    .filter((c) => c.name === 'available' && c.quantityAfterChange != null)
    .map((c) => ({
      inventoryItemId: c.item.id,
      locationId: c.location.id,
      available: Math.max(0, c.quantityAfterChange!),
      updatedAt: group!.createdAt,
    }));
  await upsertInventoryLevels(trx, tenantId, levels);
}

async function stockWrite(
  call: WriteThroughCall,
  read: ReadOutside,
  build: (item: string, location: string, input: Input) => Pick<ShopifyWrite, 'document' | 'variables' | 'root'>,
): Promise<ShopifyWrite | UserError[]> {
  const input = call.change.args.input as Input;
  const target = await read((trx) => shopifyTarget(trx, call.ctx.tenant.id, call.change.id, input.locationId));
  if (!target.item) return [{ field: ['input', 'variantId'], code: 'NOT_FOUND', message: 'Variant not found' }];
  if (!target.location) {
    return [{ field: ['input', 'locationId'], code: 'NOT_FOUND', message: 'Location not found in Shopify' }];
  }
  return {
    ...build(target.item, target.location, input),
    field: (path) => {
      const last = path[path.length - 1];
      if (last === 'inventoryItemId') return ['input', 'variantId'];
      if (last === 'locationId' || last === 'delta' || last === 'quantity') return ['input', last];
      return renamed('input')(path);
    },
    apply: applyChanges,
  };
}

export const inventoryAdjust = (call: WriteThroughCall, read: ReadOutside) =>
  stockWrite(call, read, (item, location, input) => ({
    document: `mutation Adjust($input: InventoryAdjustQuantitiesInput!) {
      inventoryAdjustQuantities(input: $input) { ${CHANGES} } }`,
    variables: {
      input: {
        name: 'available',
        reason: 'correction',
        changes: [{ inventoryItemId: item, locationId: location, delta: input.delta }],
      },
    },
    root: 'inventoryAdjustQuantities',
  }));

export const inventorySet = (call: WriteThroughCall, read: ReadOutside) =>
  stockWrite(call, read, (item, location, input) => ({
    document: `mutation SetStock($input: InventorySetQuantitiesInput!) {
      inventorySetQuantities(input: $input) { ${CHANGES} } }`,
    variables: {
      input: {
        name: 'available',
        reason: 'correction',
        ignoreCompareQuantity: true,
        quantities: [{ inventoryItemId: item, locationId: location, quantity: input.quantity }],
      },
    },
    root: 'inventorySetQuantities',
  }));
