import { sql, type Kysely } from 'kysely';

/**
 * Cancels an unpaid order whose payment window passed: its allocated stock goes back to the locations it
 * came from (with `payment_timeout` history rows, levels locked in one order), its units leave products'
 * sales counts, and it becomes CANCELLED / VOIDED with reason PAYMENT_TIMEOUT.
 */
export async function releaseUnpaidOrder<DB>(trx: Kysely<DB>, tenantId: string, orderId: string): Promise<void> {
  await sql`select 1 from inventory_levels l where l.tenant_id = ${tenantId}
      and (l.variant_id, l.location_id) in
          (select variant_id, location_id from order_allocations where tenant_id = ${tenantId} and order_id = ${orderId})
    order by l.variant_id, l.location_id for update`.execute(trx);
  await sql`with returned as (
      update inventory_levels l set available = l.available + a.quantity, updated_at = now()
        from order_allocations a
       where a.tenant_id = ${tenantId} and a.order_id = ${orderId}
         and l.tenant_id = a.tenant_id and l.variant_id = a.variant_id and l.location_id = a.location_id
      returning l.variant_id, l.location_id, a.quantity, l.available)
    insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
    select ${tenantId}, variant_id, location_id, quantity, 'payment_timeout', available from returned
     order by variant_id, location_id`.execute(trx);
  await sql`update products p set total_sold = greatest(0, p.total_sold - s.quantity)
      from (select product_id, sum(quantity)::int quantity from order_line_items
             where tenant_id = ${tenantId} and order_id = ${orderId} and product_id is not null
             group by product_id order by product_id) s
     where p.tenant_id = ${tenantId} and p.id = s.product_id`.execute(trx);
  await sql`update orders set status = 'CANCELLED', financial_status = 'VOIDED', cancel_reason = 'PAYMENT_TIMEOUT',
      cancelled_at = now(), updated_at = now()
    where tenant_id = ${tenantId} and id = ${orderId}`.execute(trx);
}
