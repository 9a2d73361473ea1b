import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Webhook subscriptions, the tenant's signing secret, and one delivery per (subscription, event): the
 * delivery job claims due deliveries with `for update skip locked` and a lease, so a delivery cut off by
 * a restart is claimed again once its lease ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_secrets')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await enableTenantIsolation(db, 'webhook_secrets');

  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('callback_url', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('JSON'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('ACTIVE')
        .check(sql`status in ('ACTIVE', 'DISABLED')`),
    )
    .addColumn('failing_since', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('webhook_subscriptions_tenant_topic_url', ['tenant_id', 'topic', 'callback_url'])
    .execute();
  await db.schema
    .createIndex('webhook_subscriptions_tenant_id')
    .on('webhook_subscriptions')
    .columns(['tenant_id', 'id'])
    .execute();
  await enableTenantIsolation(db, 'webhook_subscriptions');

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'bigint', (c) =>
      c.notNull().references('webhook_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('event_created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('PENDING')
        .check(sql`status in ('PENDING', 'RETRYING', 'DELIVERED', 'DEAD')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('lease_until', 'timestamptz')
    .addColumn('claim_id', 'uuid')
    .addColumn('response_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('webhook_deliveries_subscription_event', ['subscription_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_tenant_subscription')
    .on('webhook_deliveries')
    .columns(['tenant_id', 'subscription_id', 'id'])
    .execute();
  await sql`create index webhook_deliveries_tenant_due on webhook_deliveries (tenant_id, next_attempt_at)
    where status in ('PENDING', 'RETRYING')`.execute(db);
  await enableTenantIsolation(db, 'webhook_deliveries');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
  await db.schema.dropTable('webhook_secrets').execute();
}
