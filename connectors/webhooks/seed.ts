import { sql, type Kysely } from 'kysely';
import type { PluginRuntime, SeedOptions } from '../../src/sdk';
import { newSigningSecret } from './signature';

/**
 * Demo data: the shop's signing secret, subscriptions to ORDERS_CREATE and PRODUCTS_UPDATE left DISABLED
 * (example.com is no receiver: an admin points one at theirs and updates it, which turns it on), each
 * with one delivered event.
 */
async function seedTenant(trx: Kysely<unknown>, tenantId: string): Promise<void> {
  await sql`insert into webhook_secrets (tenant_id, secret) values (${tenantId}, ${newSigningSecret()})
    on conflict (tenant_id) do nothing`.execute(trx);
  const { rows } = await sql<{ id: string }>`
    insert into webhook_subscriptions (tenant_id, topic, callback_url, status)
    values (${tenantId}, 'ORDERS_CREATE', 'https://example.com/hooks/orders', 'DISABLED'),
           (${tenantId}, 'PRODUCTS_UPDATE', 'https://example.com/hooks/products', 'DISABLED')
    on conflict (tenant_id, topic, callback_url) do nothing returning id`.execute(trx);
  // One delivered event for each, with the subscription's own topic.
  for (const { id } of rows) {
    await sql`insert into webhook_deliveries
        (tenant_id, subscription_id, event_id, topic, payload, event_created_at, status, attempts, response_code, delivered_at)
      select ${tenantId}, id, gen_random_uuid(), topic, ${JSON.stringify({ demo: true })}::jsonb, now(), 'DELIVERED', 1, 200, now()
        from webhook_subscriptions where tenant_id = ${tenantId} and id = ${id}`.execute(trx);
  }
}

export async function seedWebhooks(runtime: PluginRuntime, { profile, tenants }: SeedOptions): Promise<void> {
  if (profile !== 'demo') return;
  for (const tenant of tenants)
    await runtime.withTenant(tenant.id, (trx: Kysely<unknown>) => seedTenant(trx, tenant.id));
}
