import { sql, type Kysely } from 'kysely';
import type { AdjustmentRow, InventoryLevelRow, InventoryTables } from './tables';

type Trx = Kysely<InventoryTables>;

export interface StockTarget {
  tenantId: string;
  variantId: string;
  locationId: string;
}

/**
 * Whether the variant and the location both belong to the tenant (one statement). Foreign keys are
 * checked without row-level security, so this check is what keeps another tenant's ids out.
 */
export async function targetExists(trx: Trx, t: StockTarget): Promise<{ variant: boolean; location: boolean }> {
  const { rows } = await sql<{ variant: boolean; location: boolean }>`select
      exists (select 1 from product_variants where tenant_id = ${t.tenantId} and id = ${t.variantId}) as variant,
      exists (select 1 from locations where tenant_id = ${t.tenantId} and id = ${t.locationId}) as location`.execute(
    trx,
  );
  return rows[0];
}

/**
 * Adds `delta` to the level in one conditional statement: a removal only applies while enough stock
 * is left (the row lock makes concurrent removals queue and re-check), an addition creates the level
 * when missing. Null when the stock would go below zero.
 */
export async function applyDelta(trx: Trx, t: StockTarget, delta: number): Promise<InventoryLevelRow | null> {
  if (delta < 0) {
    const row = await trx
      .updateTable('inventory_levels')
      .set({ available: sql`available + ${delta}`, updated_at: sql`now()` } as never)
      .where('tenant_id', '=', t.tenantId)
      .where('variant_id', '=', t.variantId)
      .where('location_id', '=', t.locationId)
      .where(sql<boolean>`available + ${delta} >= 0`)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }
  return trx
    .insertInto('inventory_levels')
    .values({ tenant_id: t.tenantId, variant_id: t.variantId, location_id: t.locationId, available: delta })
    .onConflict((oc) =>
      oc.columns(['variant_id', 'location_id']).doUpdateSet({
        available: sql`inventory_levels.available + excluded.available`,
        updated_at: sql`now()`,
      } as never),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the level to `quantity`, returning it with the quantity it replaced (0 when it was missing). */
export async function setQuantity(
  trx: Trx,
  t: StockTarget,
  quantity: number,
): Promise<{ level: InventoryLevelRow; previous: number }> {
  const previous = await trx
    .selectFrom('inventory_levels')
    .select('available')
    .where('tenant_id', '=', t.tenantId)
    .where('variant_id', '=', t.variantId)
    .where('location_id', '=', t.locationId)
    .forUpdate()
    .executeTakeFirst();
  const level = await trx
    .insertInto('inventory_levels')
    .values({ tenant_id: t.tenantId, variant_id: t.variantId, location_id: t.locationId, available: quantity })
    .onConflict((oc) =>
      oc.columns(['variant_id', 'location_id']).doUpdateSet({ available: quantity, updated_at: sql`now()` } as never),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return { level, previous: previous?.available ?? 0 };
}

export async function recordAdjustment(
  trx: Trx,
  t: StockTarget,
  change: { delta: number; reason: string; quantityAfter: number },
): Promise<AdjustmentRow> {
  return trx
    .insertInto('inventory_adjustments')
    .values({
      tenant_id: t.tenantId,
      variant_id: t.variantId,
      location_id: t.locationId,
      delta: change.delta,
      reason: change.reason,
      quantity_after: change.quantityAfter,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertLocation(trx: Trx, tenantId: string, name: string) {
  return trx.insertInto('locations').values({ tenant_id: tenantId, name }).returningAll().executeTakeFirstOrThrow();
}
