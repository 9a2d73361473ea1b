import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Publishing, sales and price columns used by storefront filters and sort keys; options, images and
 * collections. `min_price`/`max_price` mirror the product's variants (kept by the catalog's writes) so
 * PRICE sorts and price-range filters use an index; `total_sold` is raised by checkout (BEST_SELLING);
 * `inventory_quantity` on a variant is the sum of its inventory levels, kept by the inventory plugin
 * (null: inventory not tracked, always available).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products')
    .addColumn('published_at', 'timestamptz')
    .addColumn('total_sold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('min_price', sql`numeric(12,2)`, (c) => c.notNull().defaultTo(0))
    .addColumn('max_price', sql`numeric(12,2)`, (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update products set published_at = created_at where status = 'ACTIVE'`.execute(db);
  await sql`update products p set min_price = v.lo, max_price = v.hi
    from (select product_id, min(price) lo, max(price) hi from product_variants group by product_id) v
    where v.product_id = p.id`.execute(db);
  await db.schema
    .alterTable('product_variants')
    .addColumn('compare_at_price', sql`numeric(12,2)`, (c) => c.check(sql`compare_at_price >= 0`))
    .addColumn('option_values', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('inventory_quantity', 'integer')
    .execute();

  for (const [name, column] of [
    ['title', 'title'],
    ['price', 'min_price'],
    ['created', 'created_at'],
    ['best_selling', 'total_sold'],
  ]) {
    await db.schema
      .createIndex(`products_tenant_status_${name}`)
      .on('products')
      .columns(['tenant_id', 'status', column, 'id'])
      .execute();
  }
  await db.schema.createIndex('products_tenant_vendor').on('products').columns(['tenant_id', 'vendor']).execute();
  await db.schema.createIndex('products_tenant_type').on('products').columns(['tenant_id', 'product_type']).execute();
  await db.schema.createIndex('products_tags').on('products').using('gin').column('tags').execute();

  await db.schema
    .createTable('product_options')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('values', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addUniqueConstraint('product_options_product_name', ['product_id', 'name'])
    .execute();
  await db.schema
    .createIndex('product_options_tenant_product')
    .on('product_options')
    .columns(['tenant_id', 'product_id', 'position'])
    .execute();

  await db.schema
    .createTable('product_images')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('alt_text', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('product_images_tenant_product')
    .on('product_images')
    .columns(['tenant_id', 'product_id', 'position'])
    .execute();

  await db.schema
    .createTable('collections')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('collections_tenant_handle', ['tenant_id', 'handle'])
    .execute();
  await db.schema.createIndex('collections_tenant_id').on('collections').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('collection_products')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('collection_id', 'bigint', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('collection_products_pkey', ['collection_id', 'product_id'])
    .execute();
  await db.schema
    .createIndex('collection_products_tenant_collection')
    .on('collection_products')
    .columns(['tenant_id', 'collection_id', 'product_id'])
    .execute();
  await db.schema
    .createIndex('collection_products_tenant_product')
    .on('collection_products')
    .columns(['tenant_id', 'product_id', 'collection_id'])
    .execute();

  for (const table of ['product_options', 'product_images', 'collections', 'collection_products']) {
    await enableTenantIsolation(db, table);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['collection_products', 'collections', 'product_images', 'product_options']) {
    await db.schema.dropTable(table).execute();
  }
  for (const name of ['title', 'price', 'created', 'best_selling']) {
    await db.schema.dropIndex(`products_tenant_status_${name}`).execute();
  }
  for (const index of ['products_tenant_vendor', 'products_tenant_type', 'products_tags']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema
    .alterTable('product_variants')
    .dropColumn('compare_at_price')
    .dropColumn('option_values')
    .dropColumn('inventory_quantity')
    .execute();
  await db.schema
    .alterTable('products')
    .dropColumn('published_at')
    .dropColumn('total_sold')
    .dropColumn('min_price')
    .dropColumn('max_price')
    .execute();
}
