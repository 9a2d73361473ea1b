import { sql, type Kysely } from 'kysely';

/**
 * The search rows a full-text query matches, read for the requests' role. Under row-level security the
 * text match (`@@`, not leakproof) may not run before the tenant policy, so Postgres cannot find matches
 * through the GIN index and scans the tenant's rows instead: a search would cost the size of the catalog.
 * This function is `security definer`, owned by `gateway_search`, a role with BYPASSRLS and nothing but
 * SELECT on `product_search`; it returns only rows of the tenant the session's `app.tenant_id` names (the
 * setting the policy itself trusts; never a parameter), found through the index.
 *
 * Creating a BYPASSRLS role takes a superuser. Migrating as another role, the function keeps the migrating
 * role as owner and the policy applies inside it: the same rows, at the scan's cost (docs/search.md says
 * how a database administrator makes it fast).
 */
const ROLE = 'gateway_search';

export const MATCHES_V1 = sql`create function catalog_search_matches(query tsquery) returns setof product_search
language sql stable security definer set search_path from current as $$
  select * from product_search s
  where s.tenant_id = current_setting('app.tenant_id', true) and s.document @@ query
$$`;

/**
 * Lets the requests' role call the function `signature` (created by the migrator), and no one else; hands
 * it to `gateway_search` where the migrator may create or use that role.
 */
export async function secureMatches(db: Kysely<unknown>, signature: string): Promise<void> {
  const fn = sql.raw(signature);
  await sql`revoke execute on function ${fn} from public`.execute(db);
  await sql`grant execute on function ${fn} to gateway_app`.execute(db);
  // The role is shared by the cluster's databases; two migrating at once may both try to create it.
  await sql`
    do $$
    begin
      if not exists (select from pg_roles where rolname = ${sql.lit(ROLE)})
        and (select rolsuper from pg_roles where rolname = current_user) then
        begin
          create role ${sql.raw(ROLE)} nologin bypassrls;
        exception when duplicate_object or unique_violation then null;
        end;
      end if;
      if exists (select from pg_roles where rolname = ${sql.lit(ROLE)} and rolbypassrls)
        and pg_has_role(current_user, ${sql.lit(ROLE)}, 'member') then
        execute format('grant usage on schema %I to ${sql.raw(ROLE)}', current_schema());
        grant select on product_search to ${sql.raw(ROLE)};
        alter function ${fn} owner to ${sql.raw(ROLE)};
      end if;
    end $$`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await MATCHES_V1.execute(db);
  await secureMatches(db, 'catalog_search_matches(tsquery)');
}

/** The role stays (other databases of the cluster may use it); this database's grant is revoked. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function catalog_search_matches(tsquery)`.execute(db);
  await sql`
    do $$
    begin
      if exists (select from pg_roles where rolname = ${sql.lit(ROLE)}) then
        revoke select on product_search from ${sql.raw(ROLE)};
      end if;
    end $$`.execute(db);
}
