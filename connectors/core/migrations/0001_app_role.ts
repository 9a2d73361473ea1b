import { sql, type Kysely } from 'kysely';

/**
 * The role requests run as (SET LOCAL ROLE): neither superuser nor owner, so row-level security
 * applies to it. Privileges on tables created later in this schema are granted by default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$
    begin
      if not exists (select from pg_roles where rolname = 'gateway_app') then
        create role gateway_app nologin;
      end if;
      if not pg_has_role(current_user, 'gateway_app', 'member') then
        execute format('grant gateway_app to %I', current_user);
      end if;
    end $$`.execute(db);
  await sql`grant usage on schema public to gateway_app`.execute(db);
  await sql`alter default privileges in schema public grant select, insert, update, delete on tables to gateway_app`.execute(
    db,
  );
  await sql`alter default privileges in schema public grant usage, select on sequences to gateway_app`.execute(db);
}

/** The role is shared by every database of the cluster, so only this database's grants are revoked. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter default privileges in schema public revoke select, insert, update, delete on tables from gateway_app`.execute(
    db,
  );
  await sql`alter default privileges in schema public revoke usage, select on sequences from gateway_app`.execute(db);
  await sql`revoke usage on schema public from gateway_app`.execute(db);
}
