import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';
import { MATCHES_V1, secureMatches } from './0007_search_matches';

/**
 * Facet counts that cost the matches, not their text. Counting a word that matches 10,000 products read
 * each match's vendor, type, tags and option values as text, hashed and compared per value. Now each
 * facet value of a tenant has a number (`search_facet_values`, like `search_vocabulary` it only grows),
 * each search row the numbers of its values (`facet_ids`, kept by a row trigger from the facet columns,
 * so every writer keeps it current), and a search counts numbers, then names the few it lists.
 *
 * The matches are handed over without their documents, ranked where the caller asks (`ranked`: the query
 * without its excluded words; null for no rank). A set-returning function hands its rows over through a
 * store that spills to disk past `work_mem`: at 10,000 matches the documents made it spill, and the page
 * then read each document again to rank it.
 */
const FACET_PAIRS = sql`create function catalog_search_facet_pairs(vendor text, product_type text, tags text[],
  options text[]) returns table (facet text, value text)
language sql immutable as $$
  select 'vendor', vendor where vendor <> ''
  union select 'productType', product_type where product_type <> ''
  union select 'tag', t from unnest(tags) t where t <> ''
  union select 'option', o from unnest(options) o
$$`;

/** The numbers of a row's facet values (those numbered already). */
const FACET_IDS_OF = sql`create function catalog_search_facet_ids_of(tenant text, vendor text, product_type text,
  tags text[], options text[]) returns bigint[]
language sql stable as $$
  select array(select v.id from search_facet_values v
    join catalog_search_facet_pairs(vendor, product_type, tags, options) f on v.facet = f.facet and v.value = f.value
    where v.tenant_id = tenant order by v.id)
$$`;

/** Before a search row is written: the numbers of its facet values, new values numbered first. */
const FACET_IDS = sql`create function catalog_search_facet_ids() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and (new.vendor, new.product_type, new.tags, new.options)
    is not distinct from (old.vendor, old.product_type, old.tags, old.options) then
    return new;
  end if;
  insert into search_facet_values (tenant_id, facet, value)
  select new.tenant_id, f.facet, f.value
  from catalog_search_facet_pairs(new.vendor, new.product_type, new.tags, new.options) f
  on conflict do nothing;
  new.facet_ids := catalog_search_facet_ids_of(new.tenant_id, new.vendor, new.product_type, new.tags, new.options);
  return new;
end $$`;

const MATCHES_V2 = sql`create function catalog_search_matches(query tsquery, ranked tsquery)
returns table (tenant_id text, product_id bigint, rank integer, status text, published_at timestamptz,
  vendor text, product_type text, tags text[], min_price numeric, max_price numeric, in_stock boolean,
  prices numeric[], options text[], facet_ids bigint[])
language sql stable security definer set search_path from current as $$
  select s.tenant_id, s.product_id,
    case when ranked is null then null else (ts_rank(s.document, ranked) * 1000000)::int end,
    s.status, s.published_at, s.vendor, s.product_type, s.tags, s.min_price, s.max_price, s.in_stock,
    s.prices, s.options, s.facet_ids
  from product_search s
  where s.tenant_id = current_setting('app.tenant_id', true) and s.document @@ query
$$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_facet_values')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity())
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_facet_values_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('search_facet_values_value', ['tenant_id', 'facet', 'value'])
    .execute();
  await enableTenantIsolation(db, 'search_facet_values');
  await db.schema
    .alterTable('product_search')
    .addColumn('facet_ids', sql`bigint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await FACET_PAIRS.execute(db);
  await FACET_IDS_OF.execute(db);
  await FACET_IDS.execute(db);
  await sql`create trigger product_search_facet_ids before insert or update on product_search
    for each row execute function catalog_search_facet_ids()`.execute(db);
  // Rows written before this migration (the trigger leaves a row whose facet columns did not change).
  await sql`insert into search_facet_values (tenant_id, facet, value)
    select distinct s.tenant_id, f.facet, f.value
    from product_search s, catalog_search_facet_pairs(s.vendor, s.product_type, s.tags, s.options) f
    order by 1, 2, 3`.execute(db);
  await sql`update product_search
    set facet_ids = catalog_search_facet_ids_of(tenant_id, vendor, product_type, tags, options)`.execute(db);
  await sql`drop function catalog_search_matches(tsquery)`.execute(db);
  await MATCHES_V2.execute(db);
  await secureMatches(db, 'catalog_search_matches(tsquery, tsquery)');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function catalog_search_matches(tsquery, tsquery)`.execute(db);
  await MATCHES_V1.execute(db);
  await secureMatches(db, 'catalog_search_matches(tsquery)');
  await sql`drop trigger product_search_facet_ids on product_search`.execute(db);
  await sql`drop function catalog_search_facet_ids`.execute(db);
  await sql`drop function catalog_search_facet_ids_of`.execute(db);
  await sql`drop function catalog_search_facet_pairs`.execute(db);
  await sql`alter table product_search drop column facet_ids`.execute(db);
  await db.schema.dropTable('search_facet_values').execute();
}
