import { sql } from 'kysely';
import { MIGRATION_SCHEMA, migrateDown, migrateUp, migrationStatus } from '../../src/db/migrator';
import { pluginMigrations } from '../../src/engine/migrations';
import { composePlugins } from '../../src/plugins/compose';
import { discoverPlugins } from '../../src/plugins/discover';
import { loadPlugin } from '../../src/plugins/load';
import { projectRoot } from '../../src/sdk';
import { createTestDatabase, describeEachKind, type TestDatabase } from '../kit/databases';

const plugins = composePlugins(discoverPlugins(projectRoot()).map(loadPlugin)).plugins;
const migrations = pluginMigrations(plugins);

async function tables(database: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'migrations_%'
    order by 1`.execute(database.db);
  return rows.map((r) => r.name);
}

describeEachKind('migrations of every plugin', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('go up, down to nothing, and up again to the same tables', async () => {
    const applied = await migrateUp(database.db, migrations);
    expect(applied).toContain('core/0001_app_role');
    const created = await tables(database);
    expect(created).toEqual(expect.arrayContaining(['products', 'product_variants']));
    expect((await migrationStatus(database.db, migrations)).every((m) => m.executedAt)).toBe(true);

    const reverted = await migrateDown(database.db, migrations);
    expect(reverted.length).toBe(applied.length);
    expect(await tables(database)).toEqual([]);
    expect((await migrationStatus(database.db, migrations)).some((m) => m.executedAt)).toBe(false);

    await migrateUp(database.db, migrations);
    expect(await tables(database)).toEqual(created);
  });

  it('is a no-op when already up to date', async () => {
    expect(await migrateUp(database.db, migrations)).toEqual([]);
  });

  it('keep their own tables out of public, and adopt those of a database migrated before', async () => {
    const bookkeeping = async (schema: string) =>
      (
        await sql<{ name: string }>`
          select tablename as name from pg_tables where schemaname = ${schema} and tablename like 'migrations%'
          order by 1`.execute(database.db)
      ).rows.map((r) => r.name);
    const kept = await bookkeeping(MIGRATION_SCHEMA);
    expect(kept).toEqual(expect.arrayContaining(['migrations_core', 'migrations_core_lock', 'migrations_catalog']));
    expect(await bookkeeping('public')).toEqual([]);

    // As an earlier gateway left it: every migration table in public.
    for (const name of kept) {
      await sql`alter table ${sql.id(MIGRATION_SCHEMA, name)} set schema public`.execute(database.db);
    }
    expect((await migrationStatus(database.db, migrations)).every((m) => m.executedAt)).toBe(true);
    expect(await migrateUp(database.db, migrations)).toEqual([]);
    expect(await bookkeeping(MIGRATION_SCHEMA)).toEqual(kept);
    expect(await bookkeeping('public')).toEqual([]);
  });

  it('reverts one step of one plugin', async () => {
    const last = Object.keys(migrations.find((m) => m.plugin === 'catalog')!.migrations)
      .sort()
      .pop()!;
    expect(await migrateDown(database.db, migrations, { plugin: 'catalog', steps: 1 })).toEqual([`catalog/${last}`]);
    await migrateUp(database.db, migrations);
  });
});
