import { sql, type Kysely } from 'kysely';
import { encodeGlobalId } from '../../src/sdk';
import { eventsFrom, runShaped } from '../../src/sdk/db';
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
  const { rows } = await sql<{ variant: boolean; location: boolean }>`select ${targetChecks(t)}`.execute(trx);
  return rows[0];
}

const targetChecks = (t: { [K in keyof StockTarget]: unknown }) => sql`
  exists (select 1 from product_variants where tenant_id = ${t.tenantId} and id = ${t.variantId}) as variant,
  exists (select 1 from locations where tenant_id = ${t.tenantId} and id = ${t.locationId}) as location`;

/** What one stock change found and wrote; the rows are null when it wrote nothing. */
export interface StockChange {
  variant: boolean;
  location: boolean;
  level: InventoryLevelRow | null;
  adjustment: AdjustmentRow | null;
}

/**
 * Adds `delta` to the level and records the adjustment, in one statement, so the level's row lock is
 * held for one round trip less per write. It writes nothing unless the variant and the location are the
 * tenant's. A removal only applies while enough stock is left (the row lock makes concurrent removals
 * queue and re-check); an addition creates the level when missing. The statement is one of two compiled
 * shapes (removal or addition), so Postgres prepares and plans it once per connection.
 */
export async function adjustStock(trx: Trx, t: StockTarget, delta: number, reason: string): Promise<StockChange> {
  const gids = [
    encodeGlobalId('ProductVariant', BigInt(t.variantId)),
    encodeGlobalId('Location', BigInt(t.locationId)),
  ];
  const values = [t.tenantId, t.variantId, t.locationId, delta, reason, ...gids];
  const key = delta < 0 ? 'adjustStock remove' : 'adjustStock add';
  const [row] = await runShaped<StockChangeRow>(
    trx,
    key,
    values,
    (_db, [tenant, variant, location, by, why, vg, lg]) => {
      const target = { tenantId: tenant, variantId: variant, locationId: location };
      const change =
        delta < 0
          ? sql`update inventory_levels set available = available + ${by}::int, updated_at = now()
          where tenant_id = ${tenant} and variant_id = ${variant} and location_id = ${location}
            and available + ${by}::int >= 0 and (select variant and location from target)
          returning *`
          : sql`insert into inventory_levels (tenant_id, variant_id, location_id, available)
          select ${tenant}, ${variant}::bigint, ${location}::bigint, ${by}::int from target where variant and location
          on conflict (variant_id, location_id)
            do update set available = inventory_levels.available + excluded.available, updated_at = now()
          returning *`;
      return sql<StockChangeRow>`with target as (select ${targetChecks(target)}),
    level as (${change}),
    adjustment as (
      insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
      select tenant_id, variant_id, location_id, ${by}::int, ${why}, available from level
      returning id, created_at
    ),
    event as (${eventsFrom('level', tenant, 'INVENTORY_LEVELS_UPDATE', levelPayload(vg, lg, by, why))})
    select target.variant, target.location, level.variant_id, level.location_id, level.available, level.updated_at,
      adjustment.id as adjustment_id, adjustment.created_at as adjustment_created_at
    from target left join level on true left join adjustment on true`;
    },
  );
  return stockChangeOf(row, t.tenantId, delta, reason);
}

/**
 * INVENTORY_LEVELS_UPDATE's payload over a changed level row (`available`, `updated_at`), for the
 * outbox insert of the statement that changes it.
 */
export const levelPayload = (variantGid: unknown, locationGid: unknown, delta: unknown, reason: unknown) =>
  sql`jsonb_build_object('variantId', ${variantGid}::text, 'locationId', ${locationGid}::text,
    'available', available, 'delta', ${delta}::int, 'reason', ${reason}::text, 'updatedAt', updated_at)`;

interface StockChangeRow {
  variant: boolean;
  location: boolean;
  // As the database spells them (an input id may carry leading zeros).
  variant_id: string | null;
  location_id: string | null;
  available: number | null;
  updated_at: Date | null;
  adjustment_id: string | null;
  adjustment_created_at: Date | null;
}

function stockChangeOf(row: StockChangeRow, tenantId: string, delta: number, reason: string): StockChange {
  const { variant, location } = row;
  if (row.available === null || row.adjustment_id === null) return { variant, location, level: null, adjustment: null };
  const ids = { tenant_id: tenantId, variant_id: row.variant_id!, location_id: row.location_id! };
  return {
    variant,
    location,
    level: { ...ids, available: row.available, updated_at: row.updated_at! },
    adjustment: {
      ...ids,
      id: row.adjustment_id,
      delta,
      reason,
      quantity_after: row.available,
      created_at: row.adjustment_created_at!,
    },
  };
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

/** INVENTORY_LEVELS_UPDATE for a level written earlier in this transaction (read back by the insert). */
export async function emitLevelUpdate(trx: Trx, t: StockTarget, delta: number, reason: string): Promise<void> {
  const vg = encodeGlobalId('ProductVariant', BigInt(t.variantId));
  const lg = encodeGlobalId('Location', BigInt(t.locationId));
  await sql`with level as (
      select available, updated_at from inventory_levels
       where tenant_id = ${t.tenantId} and variant_id = ${t.variantId} and location_id = ${t.locationId})
    ${eventsFrom('level', t.tenantId, 'INVENTORY_LEVELS_UPDATE', levelPayload(vg, lg, delta, reason))}`.execute(trx);
}

/** Outbound webhook topics the inventory plugin emits (its manifest's `events`). */
export const INVENTORY_EVENTS = ['INVENTORY_LEVELS_UPDATE'] as const;
