import { sql } from 'kysely';
import { migrateDown, migrateUp } from '../../src/db/migrator';
import { describeEachKind } from '../kit/databases';
import { everyMigration, migratedDatabase, migrationsAfter } from '../kit/migrated-database';

describeEachKind('the search facets migration', (kind) => {
  const database = migratedDatabase(kind);
  const migrations = everyMigration();

  it('fills the facet data of products written before it, and goes down without them', async () => {
    const { db } = database();
    // Down to the search index without facet data (and whatever catalog migration came after it).
    const later = migrationsAfter(migrations, 'catalog/0006_search_facets');
    const reverted = await migrateDown(db, migrations, { plugin: 'catalog', steps: later.length + 1 });
    expect(reverted).toEqual([...later, 'catalog/0006_search_facets']);
    const columns = async () =>
      (
        await sql<{ column_name: string }>`select column_name from information_schema.columns
          where table_name = 'product_search' order by column_name`.execute(db)
      ).rows.map((r) => r.column_name);
    expect(await columns()).toEqual(['document', 'product_id', 'tenant_id']);
    const [product] = (
      await sql<{ id: string }>`insert into products (tenant_id, handle, title, vendor, product_type, tags, status,
        published_at, min_price, max_price)
        values ('alpha', 'old-coat', 'Old Coat', 'Fjord', 'Coat', '{wool,sale}', 'ACTIVE', now(), 20, 45)
        returning id::text`.execute(db)
    ).rows;
    await sql`insert into product_options (tenant_id, product_id, name, position, values)
      values ('alpha', ${product.id}, 'Size', 1, '{S,M}')`.execute(db);
    await sql`insert into product_variants (tenant_id, product_id, title, price, option_values, inventory_quantity)
      values ('alpha', ${product.id}, 'S', 20, '{S}', 0), ('alpha', ${product.id}, 'M', 45, '{M}', 3)`.execute(db);

    await migrateUp(db, migrations);
    const { rows } = await sql<Record<string, unknown>>`select status, vendor, product_type, tags,
      min_price::text, max_price::text, in_stock, prices::text, options, published_at is not null as published
      from product_search where product_id = ${product.id}`.execute(db);
    expect(rows).toEqual([
      {
        status: 'ACTIVE',
        vendor: 'Fjord',
        product_type: 'Coat',
        tags: ['wool', 'sale'],
        min_price: '20',
        max_price: '45',
        in_stock: true,
        prices: '{20,45}',
        options: ['["Size", "M"]', '["Size", "S"]'],
        published: true,
      },
    ]);
    // Numbered for counting (0008_search_facet_ids): each of its facet values, once.
    const numbered = await sql<{ value: string }>`select v.facet || ':' || v.value as value
      from product_search s join search_facet_values v on v.tenant_id = s.tenant_id and v.id = any(s.facet_ids)
      where s.product_id = ${product.id} order by 1`.execute(db);
    expect(numbered.rows.map((r) => r.value)).toEqual([
      'option:["Size", "M"]',
      'option:["Size", "S"]',
      'productType:Coat',
      'tag:sale',
      'tag:wool',
      'vendor:Fjord',
    ]);
  });
});
