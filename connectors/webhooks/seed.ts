import { sql, type Kysely } from 'kysely';
import type { PluginRuntime, SeedOptions } from '../../src/sdk';
import { newSigningSecret } from './signature';

/**
 * Demo data: the shop's signing secret, a subscription to ORDERS_CREATE left DISABLED (example.com is
 * no receiver: an admin points it at theirs and updates it, which turns it on) and one delivered event.
 */
async function seedTenant(trx: Kysely<unknown>, tenantId: string): Promise<void> {
  await sql`insert into webhook_secrets (tenant_id, secret) values (${tenantId}, ${newSigningSecret()})
    on conflict (tenant_id) do nothing`.execute(trx);
  const { rows } = await sql<{ id: string }>`
    insert into webhook_subscriptions (tenant_id, topic, callback_url, status)
    values (${tenantId}, 'ORDERS_CREATE', 'https://example.com/hooks/orders', 'DISABLED')
    on conflict (tenant_id, topic, callback_url) do nothing returning id`.execute(trx);
  if (!rows[0]) return;
  await sql`insert into webhook_deliveries
      (tenant_id, subscription_id, event_id, topic, payload, event_created_at, status, attempts, response_code, delivered_at)
    values (${tenantId}, ${rows[0].id}, gen_random_uuid(), 'ORDERS_CREATE', ${JSON.stringify({ name: '#1001' })}::jsonb,
            now(), 'DELIVERED', 1, 200, now())`.execute(trx);
}

export async function seedWebhooks(runtime: PluginRuntime, { profile, tenants }: SeedOptions): Promise<void> {
  if (profile !== 'demo') return;
  for (const tenant of tenants)
    await runtime.withTenant(tenant.id, (trx: Kysely<unknown>) => seedTenant(trx, tenant.id));
}
