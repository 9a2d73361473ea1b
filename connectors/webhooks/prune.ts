import { sql, type Kysely } from 'kysely';

/**
 * Deletes the tenant's outbox events older than the retention: those already turned into deliveries,
 * and, for a tenant without webhooks (`all`), every one, since nothing will ever deliver them.
 */
export async function pruneEvents(trx: Kysely<unknown>, tenantId: string, retentionMs: number, all: boolean) {
  await sql`delete from gateway_events
    where tenant_id = ${tenantId} and created_at < now() - ${retentionMs} * interval '1 millisecond'
      and (dispatched_at is not null or ${all})`.execute(trx);
}
