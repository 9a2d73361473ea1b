import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * The transactional outbox (src/db/outbox.ts): plugins write an event row in the same transaction as the
 * change that causes it, so an event is never lost and never exists for a change that rolled back. A
 * delivery job reads pending events (`dispatched_at is null`) with `for update skip locked`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gateway_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) =>
      c
        .notNull()
        .unique()
        .defaultTo(sql`gen_random_uuid()`),
    )
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('dispatched_at', 'timestamptz')
    .execute();
  await sql`create index gateway_events_tenant_pending on gateway_events (tenant_id, id) where dispatched_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('gateway_events_tenant_created')
    .on('gateway_events')
    .columns(['tenant_id', 'created_at'])
    .execute();
  await enableTenantIsolation(db, 'gateway_events');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('gateway_events').execute();
}
