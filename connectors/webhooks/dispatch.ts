import { sql, type Kysely } from 'kysely';

/**
 * Turns the tenant's pending outbox events into one delivery per active subscription of their topic,
 * and marks them dispatched, in one statement. Events are taken `for update skip locked`, so instances
 * running this at once split them; the unique (subscription, event) makes a repeat harmless.
 */
export async function dispatchEvents(trx: Kysely<unknown>, tenantId: string, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with pending as (
      select id, event_id, topic, payload, created_at from gateway_events
       where tenant_id = ${tenantId} and dispatched_at is null
       order by id limit ${limit} for update skip locked
    ), fanned as (
      insert into webhook_deliveries (tenant_id, subscription_id, event_id, topic, payload, event_created_at)
      select ${tenantId}, s.id, p.event_id, p.topic, p.payload, p.created_at
        from pending p join webhook_subscriptions s
          on s.tenant_id = ${tenantId} and s.topic = p.topic and s.status = 'ACTIVE'
       order by p.id, s.id
      on conflict (subscription_id, event_id) do nothing
    ), done as (
      update gateway_events e set dispatched_at = now() from pending p where e.id = p.id returning e.id
    )
    select count(*)::int as n from done`.execute(trx);
  return rows[0]?.n ?? 0;
}
