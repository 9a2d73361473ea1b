import { sql, type Kysely } from 'kysely';

/**
 * An order's reserved stock is its `order_allocations`: the units checkout took from a location's
 * `available` and that have not shipped. A shipment takes units out of the reservation (they leave the
 * shop); a refund of unshipped units releases them, back to `available` when restocked; a cancelled
 * shipment reserves its units again at the location they left from.
 */

/** A refused stock move: thrown inside the write's savepoint so that nothing of the write stays. */
export class StockRefusal extends Error {
  constructor(
    readonly field: string[],
    message: string,
  ) {
    super(message);
  }
}

/** The variant of each of the order's lines (null when deleted), in the order of `lineIds`. */
export async function variantsOfLines<DB>(trx: Kysely<DB>, tenantId: string, orderId: string, lineIds: string[]) {
  const { rows } = await sql<{ id: string; variant_id: string | null }>`select id::text, variant_id::text
    from order_line_items where tenant_id = ${tenantId} and order_id = ${orderId}`.execute(trx);
  const byId = new Map(rows.map((r) => [r.id, r.variant_id]));
  return lineIds.map((id) => byId.get(id) ?? null);
}

/** Locks the variants' stock levels in (variant, location) order, as checkout does, so writers queue. */
export async function lockLevels<DB>(trx: Kysely<DB>, tenantId: string, variantIds: readonly string[]) {
  if (variantIds.length === 0) return;
  await sql`select 1 from inventory_levels where tenant_id = ${tenantId} and variant_id = any(${[...variantIds]}::bigint[])
    order by variant_id, location_id for update`.execute(trx);
}

/** The order's reserved units of a variant, by location (location order). */
async function reservations<DB>(trx: Kysely<DB>, tenantId: string, orderId: string, variantId: string) {
  const { rows } = await sql<{ location_id: string; quantity: number }>`
    select location_id::text, quantity from order_allocations
     where tenant_id = ${tenantId} and order_id = ${orderId} and variant_id = ${variantId} order by location_id`.execute(
    trx,
  );
  return rows;
}

async function takeReserved<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  orderId: string,
  variantId: string,
  locationId: string,
  quantity: number,
) {
  // Allocations hold positive quantities: the last units delete the row.
  await sql`delete from order_allocations where tenant_id = ${tenantId} and order_id = ${orderId}
     and variant_id = ${variantId} and location_id = ${locationId} and quantity <= ${quantity}::int`.execute(trx);
  await sql`update order_allocations set quantity = quantity - ${quantity}::int
     where tenant_id = ${tenantId} and order_id = ${orderId} and variant_id = ${variantId} and location_id = ${locationId}
       and quantity > ${quantity}::int`.execute(trx);
}

/** Adds `delta` to a level's available stock, with a history row; false when a removal finds too little. */
async function moveAvailable<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  variantId: string,
  locationId: string,
  delta: number,
  reason: string,
) {
  const { rows } = await sql<{ available: number }>`with level as (
      update inventory_levels set available = available + ${delta}::int, updated_at = now()
       where tenant_id = ${tenantId} and variant_id = ${variantId} and location_id = ${locationId}
         and available + ${delta}::int >= 0
      returning variant_id, location_id, available)
    insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
    select ${tenantId}, variant_id, location_id, ${delta}::int, ${reason}, available from level
    returning quantity_after as available`.execute(trx);
  return rows.length > 0;
}

/**
 * Ships `quantity` units of a variant from a location. Units reserved there leave the reservation; when
 * the location holds fewer reserved units than ship, the rest is taken from its available stock
 * (NOT_ENOUGH_STOCK if it has too little) and as many units reserved elsewhere go back to their
 * locations' available stock. A variant the order reserved nothing of (not tracked) moves no stock.
 */
export async function shipUnits<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  orderId: string,
  variantId: string,
  locationId: string,
  quantity: number,
  field: string[],
): Promise<void> {
  const reserved = await reservations(trx, tenantId, orderId, variantId);
  if (reserved.length === 0) return;
  const here = Math.min(quantity, reserved.find((r) => r.location_id === locationId)?.quantity ?? 0);
  if (here > 0) await takeReserved(trx, tenantId, orderId, variantId, locationId, here);
  let rest = quantity - here;
  if (rest === 0) return;
  if (!(await moveAvailable(trx, tenantId, variantId, locationId, -rest, 'fulfillment'))) {
    throw new StockRefusal(field, 'The location has not enough stock of this item');
  }
  for (const r of reserved) {
    if (rest === 0) break;
    if (r.location_id === locationId) continue;
    const back = Math.min(rest, r.quantity);
    await takeReserved(trx, tenantId, orderId, variantId, r.location_id, back);
    await moveAvailable(trx, tenantId, variantId, r.location_id, back, 'fulfillment_transfer');
    rest -= back;
  }
}

/**
 * Releases up to `quantity` reserved units of a variant (a refund of unshipped units), from the
 * highest-numbered location down; with `restock` they return to those locations' available stock.
 * Returns the units released.
 */
export async function releaseUnits<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  orderId: string,
  variantId: string,
  quantity: number,
  restock: boolean,
): Promise<number> {
  let rest = quantity;
  for (const r of (await reservations(trx, tenantId, orderId, variantId)).reverse()) {
    if (rest === 0) break;
    const back = Math.min(rest, r.quantity);
    await takeReserved(trx, tenantId, orderId, variantId, r.location_id, back);
    if (restock) await moveAvailable(trx, tenantId, variantId, r.location_id, back, 'refund_restock');
    rest -= back;
  }
  return quantity - rest;
}

/**
 * Units of a cancelled shipment come back to the location they left from: `reserve` of them are owed to
 * the buyer again (reserved), the rest (refunded meanwhile) return to available stock. Untracked variants
 * (no stock level there) move nothing.
 */
export async function returnUnits<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  orderId: string,
  variantId: string,
  locationId: string,
  quantity: number,
  reserve: number,
): Promise<void> {
  const { rows } = await sql`select 1 from inventory_levels
    where tenant_id = ${tenantId} and variant_id = ${variantId} and location_id = ${locationId}`.execute(trx);
  if (rows.length === 0) return;
  if (reserve > 0) {
    await sql`insert into order_allocations (tenant_id, order_id, variant_id, location_id, quantity)
      values (${tenantId}, ${orderId}, ${variantId}, ${locationId}, ${reserve}::int)
      on conflict (order_id, variant_id, location_id) do update set quantity = order_allocations.quantity + excluded.quantity`.execute(
      trx,
    );
  }
  if (quantity > reserve)
    await moveAvailable(trx, tenantId, variantId, locationId, quantity - reserve, 'fulfillment_cancel');
}
