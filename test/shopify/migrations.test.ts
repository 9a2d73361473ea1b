import { sql } from 'kysely';
import { migrateDown, migrateUp } from '../../src/db/migrator';
import { pluginMigrations } from '../../src/engine/migrations';
import { composePlugins } from '../../src/plugins/compose';
import { loadPlugin } from '../../src/plugins/load';
import { createTestDatabase, describeEachKind, type TestDatabase } from '../kit/databases';
import { pluginPath } from '../kit/gateway';
import { SHOPIFY_PLUGINS } from './kit';

const migrations = pluginMigrations(composePlugins(SHOPIFY_PLUGINS.map((p) => loadPlugin(pluginPath(p)))).plugins);

describeEachKind('shopify migrations', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  const columns = async (table: string) =>
    (
      await sql<{ name: string }>`select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table}`.execute(database.db)
    ).rows.map((r) => r.name);
  const shopifyTables = async () =>
    (
      await sql<{ name: string }>`select tablename as name from pg_tables
        where schemaname = 'public' and tablename like 'shopify_%' order by 1`.execute(database.db)
    ).rows.map((r) => r.name);

  it('adds Shopify ids to the retail tables and its own tables, and down removes exactly those', async () => {
    await migrateUp(database.db, migrations);
    for (const table of ['products', 'product_variants', 'collections', 'locations', 'customers', 'orders']) {
      expect(await columns(table)).toEqual(expect.arrayContaining(['source', 'external_id']));
    }
    expect(await shopifyTables()).toEqual([
      'shopify_connections',
      'shopify_data_requests',
      'shopify_sync_runs',
      'shopify_sync_state',
      'shopify_tombstones',
      'shopify_webhook_events',
      'shopify_write_intents',
    ]);

    for (const table of ['products', 'product_variants', 'inventory_levels', 'customers', 'orders']) {
      expect([table, await columns(table)]).toEqual([table, expect.arrayContaining(['shopify_updated_at'])]);
    }
    expect(await columns('shopify_webhook_events')).toContain('triggered_at');
    expect(await columns('shopify_write_intents')).toContain('result_id');

    expect(await migrateDown(database.db, migrations, { plugin: 'shopify', steps: 1 })).toEqual([
      'shopify/0006_write_intent_results',
    ]);
    expect(await columns('shopify_write_intents')).not.toContain('result_id');
    expect(await columns('shopify_data_requests')).toContain('export');
    expect(await migrateDown(database.db, migrations, { plugin: 'shopify', steps: 1 })).toEqual([
      'shopify/0005_privacy_exports',
    ]);
    expect(await columns('shopify_data_requests')).not.toContain('export');
    expect(await migrateDown(database.db, migrations, { plugin: 'shopify', steps: 1 })).toEqual([
      'shopify/0004_write_intents',
    ]);
    expect(await shopifyTables()).not.toContain('shopify_write_intents');
    expect(await migrateDown(database.db, migrations, { plugin: 'shopify', steps: 1 })).toEqual([
      'shopify/0003_versions',
    ]);
    expect(await columns('products')).not.toContain('shopify_updated_at');
    expect(await columns('inventory_levels')).not.toContain('shopify_updated_at');
    expect(await columns('shopify_webhook_events')).not.toContain('triggered_at');
    expect(await shopifyTables()).not.toContain('shopify_tombstones');
    expect(await columns('products')).toContain('external_id');

    expect(await migrateDown(database.db, migrations, { plugin: 'shopify', steps: 2 })).toEqual([
      'shopify/0002_sync',
      'shopify/0001_external_ids',
    ]);
    expect(await shopifyTables()).toEqual([]);
    expect(await columns('products')).not.toContain('external_id');
    expect(await columns('product_variants')).not.toContain('external_inventory_item_id');
    expect(await columns('products')).toContain('handle');

    await migrateUp(database.db, migrations);
    expect(await columns('orders')).toContain('external_id');
    expect(await columns('orders')).toContain('shopify_updated_at');
  });
});
