import { sql, type Kysely } from 'kysely';

/**
 * Makes a tenant-owned table invisible outside its tenant, for every role but superusers: rows are
 * visible and writable only while `app.tenant_id` (set per transaction) equals their tenant_id.
 * Imports only kysely, so migrations may use it; frozen like a migration: change it only by adding a new helper.
 */
export async function enableTenantIsolation(db: Kysely<unknown>, table: string): Promise<void> {
  const t = sql.table(table);
  await sql`alter table ${t} enable row level security`.execute(db);
  await sql`alter table ${t} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${t}
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true))`.execute(db);
}
