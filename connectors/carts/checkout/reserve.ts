import { sql, type Kysely } from 'kysely';

export interface StockRequest {
  variantId: string;
  quantity: number;
}

export interface Allocation {
  variantId: string;
  locationId: string;
  quantity: number;
  /** Stock left at the location after this reservation. */
  availableAfter: number;
  /** When the level changed. */
  updatedAt: Date | string;
}

interface Level {
  variant_id: string;
  location_id: string;
  available: number;
}

/**
 * Reserves stock for each request: the location with the most stock first, split across locations
 * when one is not enough. The variant's levels are locked first in (variant, location) order, so
 * concurrent checkouts queue instead of deadlocking and each sees the stock the other left; each take
 * is still the conditional `available >= q` update, so stock can never go below zero. A variant with
 * no inventory levels is not tracked and always available. Returns the allocations, or the index of
 * the first request that cannot be met (the caller rolls back what was taken).
 */
export async function reserveStock(
  trx: Kysely<unknown>,
  tenantId: string,
  requests: readonly StockRequest[],
): Promise<{ allocations: Allocation[] } | { shortIndex: number }> {
  const variantIds = [...new Set(requests.map((r) => r.variantId))];
  const { rows } = await sql<Level>`
    select variant_id, location_id, available from inventory_levels
     where tenant_id = ${tenantId} and variant_id = any(${sql.val(variantIds)}::bigint[])
     order by variant_id, location_id
     for update`.execute(trx);
  const allocations: Allocation[] = [];
  for (const [index, request] of requests.entries()) {
    const levels = rows.filter((l) => l.variant_id === request.variantId).sort((a, b) => b.available - a.available);
    if (levels.length === 0) continue;
    let remaining = request.quantity;
    for (const level of levels) {
      const take = Math.min(remaining, level.available);
      if (take <= 0) continue;
      const taken = await sql<{ available: number; updated_at: Date | string }>`
        update inventory_levels set available = available - ${take}::int, updated_at = now()
         where tenant_id = ${tenantId} and variant_id = ${level.variant_id} and location_id = ${level.location_id}
           and available >= ${take}::int
        returning available, updated_at`.execute(trx);
      if (taken.rows.length === 0) return { shortIndex: index };
      level.available = taken.rows[0].available;
      allocations.push({
        variantId: level.variant_id,
        locationId: level.location_id,
        quantity: take,
        availableAfter: level.available,
        updatedAt: taken.rows[0].updated_at,
      });
      remaining -= take;
      if (remaining === 0) break;
    }
    if (remaining > 0) return { shortIndex: index };
  }
  return { allocations };
}
