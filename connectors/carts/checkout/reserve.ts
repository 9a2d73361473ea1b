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

/** A planned take from one level, in request order. */
interface Take {
  index: number;
  variantId: string;
  locationId: string;
  quantity: number;
}

const levelKey = (variantId: string, locationId: string) => `${variantId}:${locationId}`;

/**
 * Plans each request's takes from the locked levels: the location with the most stock first, split
 * across locations when one is not enough. Returns the index of the first request that cannot be met.
 */
function planTakes(levels: Level[], requests: readonly StockRequest[]): Take[] | { shortIndex: number } {
  const takes: Take[] = [];
  for (const [index, request] of requests.entries()) {
    const own = levels.filter((l) => l.variant_id === request.variantId).sort((a, b) => b.available - a.available);
    if (own.length === 0) continue;
    let remaining = request.quantity;
    for (const level of own) {
      const take = Math.min(remaining, level.available);
      if (take <= 0) continue;
      level.available -= take;
      takes.push({ index, variantId: level.variant_id, locationId: level.location_id, quantity: take });
      remaining -= take;
      if (remaining === 0) break;
    }
    if (remaining > 0) return { shortIndex: index };
  }
  return takes;
}

/**
 * Reserves stock for each request (planTakes). The variants' levels are locked first in (variant,
 * location) order, so concurrent checkouts queue instead of deadlocking and each sees the stock the
 * other left; all takes are then one update, each level's still conditional on `available >= q`, so
 * stock can never go below zero. A variant with no inventory levels is not tracked and always
 * available. Returns the allocations, or the index of the first request that cannot be met (the caller
 * rolls back what was taken).
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
  const takes = planTakes(rows, requests);
  if (!Array.isArray(takes)) return takes;
  if (takes.length === 0) return { allocations: [] };
  // One row per level: a level two requests take from is taken from once, by their sum.
  const perLevel = new Map<string, Take>();
  for (const t of takes) {
    const key = levelKey(t.variantId, t.locationId);
    const sum = perLevel.get(key);
    perLevel.set(key, sum ? { ...sum, quantity: sum.quantity + t.quantity } : { ...t });
  }
  const values = [...perLevel.values()].map(
    (t) => sql`(${t.variantId}::bigint, ${t.locationId}::bigint, ${t.quantity}::int)`,
  );
  const taken = await sql<{ variant_id: string; location_id: string; available: number; updated_at: Date | string }>`
    update inventory_levels l set available = l.available - s.take, updated_at = now()
      from (values ${sql.join(values)}) as s(variant_id, location_id, take)
     where l.tenant_id = ${tenantId} and l.variant_id = s.variant_id and l.location_id = s.location_id
       and l.available >= s.take
    returning l.variant_id, l.location_id, l.available, l.updated_at`.execute(trx);
  const after = new Map(taken.rows.map((r) => [levelKey(r.variant_id, r.location_id), r]));
  const short = takes.find((t) => !after.has(levelKey(t.variantId, t.locationId)));
  if (short) return { shortIndex: short.index };
  // Each allocation leaves what the level had before it less this take, as takes one by one would.
  const left = new Map([...after].map(([key, r]) => [key, r.available + perLevel.get(key)!.quantity]));
  return {
    allocations: takes.map((t) => {
      const key = levelKey(t.variantId, t.locationId);
      const availableAfter = left.get(key)! - t.quantity;
      left.set(key, availableAfter);
      return {
        variantId: t.variantId,
        locationId: t.locationId,
        quantity: t.quantity,
        availableAfter,
        updatedAt: after.get(key)!.updated_at,
      };
    }),
  };
}
