import { sql, type Kysely } from 'kysely';
import { REFRESH, REFRESH_DOCUMENTS } from './0003_search';

/**
 * What search facets and filters read, copied onto each product's search row, so a search reads only the
 * rows its words matched and never a match's variants or options: visibility (status, published_at),
 * vendor, type, tags, the lowest and highest price, whether any variant is in stock, the distinct variant
 * prices (a price range filter keeps "some variant in range", which the two bounds alone cannot say), and
 * the option values as `["Name", "Value"]` pairs (JSON, so any option name and value stay apart).
 * Statement-level triggers keep them in the writing transaction: a text change rebuilds the document
 * and these columns (0003's triggers); a price, stock, status or publication change only these columns.
 */
const FACETS_REFRESH = sql`create function catalog_search_facets_refresh(tenant text, ids bigint[]) returns void
language sql as $$
  update product_search s set status = f.status, published_at = f.published_at, vendor = f.vendor,
    product_type = f.product_type, tags = f.tags, min_price = f.min_price, max_price = f.max_price,
    in_stock = f.in_stock, prices = f.prices, options = f.options
  from (
    select p.id, p.status, p.published_at, p.vendor, p.product_type, p.tags, p.min_price, p.max_price,
      coalesce((select bool_or(v.inventory_quantity is null or v.inventory_quantity > 0) from product_variants v
        where v.tenant_id = p.tenant_id and v.product_id = p.id), false) as in_stock,
      coalesce((select array_agg(distinct v.price) from product_variants v
        where v.tenant_id = p.tenant_id and v.product_id = p.id), '{}') as prices,
      coalesce((select array_agg(distinct json_build_array(o.name, x.value)::text)
        from product_options o cross join unnest(o.values) as x(value)
        where o.tenant_id = p.tenant_id and o.product_id = p.id), '{}') as options
    from products p where p.tenant_id = tenant and p.id = any(ids)
  ) f
  where s.tenant_id = tenant and s.product_id = f.id
    and (s.status, s.published_at, s.vendor, s.product_type, s.tags, s.min_price, s.max_price, s.in_stock,
      s.prices, s.options)
    is distinct from (f.status, f.published_at, f.vendor, f.product_type, f.tags, f.min_price, f.max_price,
      f.in_stock, f.prices, f.options);
$$`;

/** A document rebuild writes the facet columns too (a new product's row is created there). */
const REFRESH_ALL = sql`create or replace function catalog_search_refresh(tenant text, ids bigint[]) returns void
language sql as $$${sql.raw(REFRESH_DOCUMENTS)}
  select catalog_search_facets_refresh(tenant, ids);
$$`;

/**
 * After an update of products or variants: the facet columns of the products whose prices, stock, status
 * or publication changed (a change of text rebuilds them with the document, through 0003's triggers).
 */
const FACETS_CHANGED = sql`create function catalog_search_facets_changed() returns trigger
language plpgsql as $$
begin
  if tg_table_name = 'products' then
    perform catalog_search_facets_refresh(n.tenant_id, array_agg(n.id)) from changed n
    join previous o on o.id = n.id
    where (n.status, n.published_at, n.min_price, n.max_price)
      is distinct from (o.status, o.published_at, o.min_price, o.max_price)
    group by n.tenant_id;
  else
    perform catalog_search_facets_refresh(n.tenant_id, array_agg(distinct n.product_id)) from changed n
    join previous o on o.id = n.id
    where (n.price, n.inventory_quantity) is distinct from (o.price, o.inventory_quantity)
    group by n.tenant_id;
  end if;
  return null;
end $$`;

const FACET_TRIGGERS = ['products', 'product_variants'];

const FACET_COLUMNS = [
  'status',
  'published_at',
  'vendor',
  'product_type',
  'tags',
  'min_price',
  'max_price',
  'in_stock',
  'prices',
  'options',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('product_search')
    // A row not filled yet is no storefront's.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('DRAFT'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('vendor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('min_price', sql`numeric`, (c) => c.notNull().defaultTo(0))
    .addColumn('max_price', sql`numeric`, (c) => c.notNull().defaultTo(0))
    .addColumn('in_stock', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('prices', sql`numeric[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('options', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await FACETS_REFRESH.execute(db);
  await REFRESH_ALL.execute(db);
  await FACETS_CHANGED.execute(db);
  for (const table of FACET_TRIGGERS) {
    await sql`create trigger ${sql.raw(`${table}_search_facets_update`)} after update on ${sql.table(table)}
      referencing old table as previous new table as changed
      for each statement execute function catalog_search_facets_changed()`.execute(db);
  }
  await sql`select catalog_search_facets_refresh(tenant_id, array_agg(product_id))
    from product_search group by tenant_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of FACET_TRIGGERS) {
    await sql`drop trigger ${sql.raw(`${table}_search_facets_update`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function catalog_search_facets_changed`.execute(db);
  await REFRESH.execute(db);
  await sql`drop function catalog_search_facets_refresh`.execute(db);
  const drops = FACET_COLUMNS.map((column) => sql`drop column ${sql.ref(column)}`);
  await sql`alter table product_search ${sql.join(drops)}`.execute(db);
}
