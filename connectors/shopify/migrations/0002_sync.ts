import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

const SYNC_TABLES = [
  'shopify_connections',
  'shopify_sync_state',
  'shopify_sync_runs',
  'shopify_webhook_events',
  'shopify_data_requests',
];

/**
 * The connection of a tenant to its shop, sync cursors per resource, the record of every sync run,
 * the webhook queue (unique event id: a replayed delivery is not queued twice) and the privacy
 * data requests received. All tenant-owned, behind the same row-level security as the retail tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table shopify_connections (
    tenant_id text primary key,
    shop text not null,
    api_version text not null,
    status text not null default 'active' check (status in ('active', 'uninstalled')),
    uninstalled_at timestamptz,
    last_sync_at timestamptz,
    last_error text,
    throttled_waits integer not null default 0,
    updated_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table shopify_sync_state (
    tenant_id text not null,
    resource text not null,
    high_water timestamptz,
    full_pending boolean not null default true,
    checkpoint integer not null default 0,
    bulk_operation_id text,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, resource)
  )`.execute(db);

  await sql`create table shopify_sync_runs (
    id bigint generated always as identity primary key,
    tenant_id text not null,
    mode text not null check (mode in ('full', 'incremental')),
    status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
    trigger text not null,
    counts jsonb not null default '{}',
    errors jsonb not null default '[]',
    throttled_waits integer not null default 0,
    lease_until timestamptz,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz
  )`.execute(db);
  await sql`create index shopify_sync_runs_tenant_status on shopify_sync_runs (tenant_id, status, id)`.execute(db);

  await sql`create table shopify_webhook_events (
    id bigint generated always as identity primary key,
    tenant_id text not null,
    event_id text not null,
    webhook_id text,
    topic text not null,
    shop text not null,
    payload jsonb not null,
    status text not null default 'queued' check (status in ('queued', 'done', 'failed')),
    attempts integer not null default 0,
    available_at timestamptz not null default now(),
    last_error text,
    received_at timestamptz not null default now(),
    processed_at timestamptz,
    constraint shopify_webhook_events_tenant_event unique (tenant_id, event_id)
  )`.execute(db);
  await sql`create index shopify_webhook_events_queue on shopify_webhook_events (tenant_id, status, available_at, id)`.execute(
    db,
  );

  await sql`create table shopify_data_requests (
    id bigint generated always as identity primary key,
    tenant_id text not null,
    shop text not null,
    customer_external_id text,
    orders_requested text[] not null default '{}',
    received_at timestamptz not null default now()
  )`.execute(db);

  for (const table of SYNC_TABLES) await enableTenantIsolation(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...SYNC_TABLES].reverse()) await sql`drop table ${sql.table(table)}`.execute(db);
}
