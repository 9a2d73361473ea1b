import { sql, type Kysely } from 'kysely';
import { encodeGlobalId } from '../../src/sdk';
import { emitEvents } from '../../src/sdk/db';
import type { OrderTables } from './tables';

/**
 * Puts an order's allocated stock back where it was taken from, in (variant, location) order so
 * concurrent writers lock levels in one order, and records each change in the adjustment history.
 * Emits INVENTORY_LEVELS_UPDATE per level in the same transaction (the inventory plugin's payload keys).
 * Four statements whatever the number of lines. Returns the units restocked.
 */
export async function restockOrder(trx: Kysely<OrderTables>, tenantId: string, orderId: string): Promise<number> {
  await sql`select 1 from inventory_levels l
     where l.tenant_id = ${tenantId}
       and (l.variant_id, l.location_id) in
           (select variant_id, location_id from order_allocations where tenant_id = ${tenantId} and order_id = ${orderId})
     order by l.variant_id, l.location_id
     for update`.execute(trx);
  const restocked = await sql<{
    variant_id: string;
    location_id: string;
    quantity: number;
    available: number;
    created_at: Date | string;
  }>`
    with returned as (
      update inventory_levels l
         set available = l.available + a.quantity, updated_at = now()
        from order_allocations a
       where a.tenant_id = ${tenantId} and a.order_id = ${orderId}
         and l.tenant_id = a.tenant_id and l.variant_id = a.variant_id and l.location_id = a.location_id
      returning l.variant_id, l.location_id, a.quantity, l.available
    )
    insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
    select ${tenantId}, variant_id, location_id, quantity, 'order_cancel', available from returned
     order by variant_id, location_id
    returning variant_id, location_id, delta as quantity, quantity_after as available, created_at`.execute(trx);
  await emitEvents(
    trx,
    tenantId,
    restocked.rows.map((r) => ({
      topic: 'INVENTORY_LEVELS_UPDATE',
      payload: {
        variantId: encodeGlobalId('ProductVariant', r.variant_id),
        locationId: encodeGlobalId('Location', r.location_id),
        available: r.available,
        delta: r.quantity,
        reason: 'order_cancel',
        updatedAt: new Date(r.created_at).toISOString(),
      },
    })),
  );
  return restocked.rows.reduce((sum, row) => sum + row.quantity, 0);
}
