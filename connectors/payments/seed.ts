import { sql } from 'kysely';
import type { PluginRuntime, SeedOptions } from '../../src/sdk';

/**
 * Gives the seeded orders the transactions and shipments their statuses imply: a paid order a manual sale
 * of its total (a refunded one also a refund), a fulfilled one a shipment of every unit, so the books
 * agree with the statuses the orders seed wrote.
 */
export async function seedPayments(runtime: PluginRuntime, { tenants }: SeedOptions): Promise<void> {
  for (const tenant of tenants) {
    await runtime.withTenant(tenant.id, async (db) => {
      await sql`insert into payment_transactions (tenant_id, order_id, kind, status, amount, currency_code, gateway, idempotency_key)
        select tenant_id, id, 'SALE', 'SUCCESS', total, currency_code, 'manual', 'seed:sale:' || id from orders
         where tenant_id = ${tenant.id} and financial_status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED') and total > 0
        on conflict do nothing`.execute(db);
      await sql`insert into payment_transactions (tenant_id, order_id, kind, status, amount, currency_code, gateway, idempotency_key)
        select tenant_id, id, 'REFUND', 'SUCCESS', total, currency_code, 'manual', 'seed:refund:' || id from orders
         where tenant_id = ${tenant.id} and financial_status = 'REFUNDED' and total > 0
        on conflict do nothing`.execute(db);
      // Fulfilled orders shipped in full from the tenant's first location; every fourth other open order
      // has a shipment that was cancelled (it counts for nothing), so the demo shows both.
      await sql`with loc as (select min(id) id from locations where tenant_id = ${tenant.id}),
          picked as (
            select o.id, case when o.fulfillment_status = 'FULFILLED' then 'SUCCESS' else 'CANCELLED' end status,
                   coalesce(o.fulfilled_at, o.created_at + interval '1 hour') at
              from orders o
             where o.tenant_id = ${tenant.id} and o.status = 'OPEN'
               and (o.fulfillment_status = 'FULFILLED' or (o.fulfillment_status = 'UNFULFILLED' and o.number % 4 = 1))
               and not exists (select 1 from fulfillments f where f.tenant_id = o.tenant_id and f.order_id = o.id)),
          made as (
            insert into fulfillments (tenant_id, order_id, status, location_id, tracking_number, tracking_company,
                                      idempotency_key, created_at, cancelled_at)
            select ${tenant.id}, p.id, p.status, loc.id, 'DEMO' || p.id, 'UPS', 'seed:fulfil:' || p.id, p.at,
                   case when p.status = 'CANCELLED' then p.at + interval '1 hour' end
              from picked p cross join loc where loc.id is not null
            on conflict do nothing
            returning id, order_id)
        insert into fulfillment_lines (tenant_id, fulfillment_id, line_item_id, quantity)
        select ${tenant.id}, made.id, li.id, li.quantity
          from made join order_line_items li on li.tenant_id = ${tenant.id} and li.order_id = made.order_id`.execute(
        db,
      );
    });
  }
}
