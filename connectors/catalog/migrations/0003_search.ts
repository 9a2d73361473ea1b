import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Full-text search. `product_search` holds one weighted tsvector per product (title A; vendor, type and
 * tags B; variant SKUs and option values C; description D) in the tenant's text search configuration
 * (`catalog_search_settings`, `simple` until set). Triggers on products, variants and options rebuild a
 * product's document in the statement that changes it, so the catalog's writes, the Shopify sync and the
 * seeds all keep it current without knowing of it. `search_vocabulary` keeps the words of titles, vendors,
 * types, tags and options for typo tolerance (trigram distance); it only grows, and a stale word only
 * widens a query with a word no product has.
 */
const EXTENSIONS = ['pg_trgm', 'btree_gin', 'btree_gist'];

/** The statements that rebuild the documents and the vocabulary of products `ids` of `tenant`. */
export const REFRESH_DOCUMENTS = `
  insert into product_search (tenant_id, product_id, document)
  select p.tenant_id, p.id,
    setweight(to_tsvector(c.config, p.title), 'A')
    || setweight(to_tsvector(c.config, p.vendor || ' ' || p.product_type || ' ' || array_to_string(p.tags, ' ')), 'B')
    || setweight(to_tsvector(c.config, coalesce((
         select string_agg(concat_ws(' ', v.sku, array_to_string(v.option_values, ' ')), ' ')
         from product_variants v where v.tenant_id = p.tenant_id and v.product_id = p.id), '')
       || ' ' || coalesce((
         select string_agg(o.name || ' ' || array_to_string(o.values, ' '), ' ')
         from product_options o where o.tenant_id = p.tenant_id and o.product_id = p.id), '')), 'C')
    || setweight(to_tsvector(c.config, p.description), 'D')
  from products p
  cross join (select coalesce((select s.config from catalog_search_settings s where s.tenant_id = tenant),
    'simple'::regconfig) as config) c
  where p.tenant_id = tenant and p.id = any(ids)
  on conflict (tenant_id, product_id) do update set document = excluded.document;
  insert into search_vocabulary (tenant_id, term)
  select distinct s.tenant_id, w.lexeme from product_search s, unnest(s.document) w
  where s.tenant_id = tenant and s.product_id = any(ids)
    and w.weights && array['A', 'B', 'C'] and w.lexeme ~ '^[[:alpha:]][[:alnum:]]{2,39}$'
  on conflict do nothing;
`;

export const REFRESH = sql`create or replace function catalog_search_refresh(tenant text, ids bigint[]) returns void
language sql as $$${sql.raw(REFRESH_DOCUMENTS)}$$`;

/** After a statement on products: documents of inserted rows, and of updated rows whose text changed. */
const PRODUCTS_CHANGED = sql`create function catalog_search_products_changed() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform catalog_search_refresh(n.tenant_id, array_agg(n.id)) from changed n group by n.tenant_id;
  else
    perform catalog_search_refresh(n.tenant_id, array_agg(n.id)) from changed n join previous o on o.id = n.id
    where (n.title, n.description, n.vendor, n.product_type, n.tags)
      is distinct from (o.title, o.description, o.vendor, o.product_type, o.tags)
    group by n.tenant_id;
  end if;
  return null;
end $$`;

/** After a statement on variants or options: their products' documents (stock changes are left out). */
const CHILDREN_CHANGED = sql`create function catalog_search_children_changed() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and tg_table_name = 'product_variants' then
    perform catalog_search_refresh(n.tenant_id, array_agg(distinct n.product_id))
    from changed n join previous o on o.id = n.id
    where (n.sku, n.option_values) is distinct from (o.sku, o.option_values)
    group by n.tenant_id;
  else
    perform catalog_search_refresh(n.tenant_id, array_agg(distinct n.product_id)) from changed n
    group by n.tenant_id;
  end if;
  return null;
end $$`;

const TRIGGERS: [table: string, fn: string][] = [
  ['products', 'catalog_search_products_changed'],
  ['product_variants', 'catalog_search_children_changed'],
  ['product_options', 'catalog_search_children_changed'],
];

async function createTriggers(db: Kysely<unknown>, table: string, fn: string) {
  const t = sql.table(table);
  const f = sql.raw(fn);
  // Transition tables allow one event per trigger.
  await sql`create trigger ${sql.raw(`${table}_search_insert`)} after insert on ${t}
    referencing new table as changed for each statement execute function ${f}()`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_search_update`)} after update on ${t}
    referencing old table as previous new table as changed for each statement execute function ${f}()`.execute(db);
  if (table !== 'products') {
    await sql`create trigger ${sql.raw(`${table}_search_delete`)} after delete on ${t}
      referencing old table as changed for each statement execute function ${f}()`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of EXTENSIONS) await sql`create extension if not exists ${sql.raw(name)}`.execute(db);
  await db.schema
    .createTable('catalog_search_settings')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('config', sql`regconfig`, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('product_search')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .addPrimaryKeyConstraint('product_search_pkey', ['tenant_id', 'product_id'])
    .execute();
  // Both: leading with the tenant narrows a small shop's search among many shops; the document alone
  // serves a rare word in a large shop without reading the shop's whole tenant posting list (the
  // planner weighs them by their entries' counts).
  await sql`create index product_search_document on product_search using gin (tenant_id, document)`.execute(db);
  await sql`create index product_search_words on product_search using gin (document)`.execute(db);
  await db.schema
    .createTable('search_vocabulary')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_vocabulary_pkey', ['tenant_id', 'term'])
    .execute();
  await sql`create index search_vocabulary_trigram on search_vocabulary
    using gist (tenant_id, term gist_trgm_ops)`.execute(db);
  for (const table of ['catalog_search_settings', 'product_search', 'search_vocabulary']) {
    await enableTenantIsolation(db, table);
  }
  await REFRESH.execute(db);
  await PRODUCTS_CHANGED.execute(db);
  await CHILDREN_CHANGED.execute(db);
  for (const [table, fn] of TRIGGERS) await createTriggers(db, table, fn);
  // Products written before this migration, each tenant in its `simple` configuration until set.
  await sql`select catalog_search_refresh(tenant_id, array_agg(id)) from products group by tenant_id`.execute(db);
}

/** Leaves the extensions: other schemas may use them, and they hold no data. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table] of TRIGGERS) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`drop trigger if exists ${sql.raw(`${table}_search_${event}`)} on ${sql.table(table)}`.execute(db);
    }
  }
  for (const fn of ['catalog_search_products_changed', 'catalog_search_children_changed', 'catalog_search_refresh']) {
    await sql`drop function ${sql.raw(fn)}`.execute(db);
  }
  for (const table of ['search_vocabulary', 'product_search', 'catalog_search_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
