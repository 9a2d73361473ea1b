import { sql } from 'kysely';
import type { PluginRuntime, SeedOptions } from '../../src/sdk';

/**
 * Gives the seeded orders the transactions their statuses imply: a paid order a manual sale of its
 * total (a refunded one also a refund), so the books agree with the statuses the orders seed wrote.
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
    });
  }
}
