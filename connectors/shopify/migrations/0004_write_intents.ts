import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * One row per mutation sent to Shopify on behalf of a gateway mutation, keyed by the client's
 * request (its X-Request-Id), the mutation and the record. Committed before Shopify is called, so a
 * retried request finds it and is not sent twice; `done` once Shopify accepted the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table shopify_write_intents (
    tenant_id text not null,
    key text not null,
    mutation text not null,
    external_id text not null,
    status text not null default 'pending' check (status in ('pending', 'done')),
    created_at timestamptz not null default now(),
    done_at timestamptz,
    primary key (tenant_id, key)
  )`.execute(db);
  await enableTenantIsolation(db, 'shopify_write_intents');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table shopify_write_intents`.execute(db);
}
