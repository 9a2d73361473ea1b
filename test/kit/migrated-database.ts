import { migrateUp, type PluginMigrations } from '../../src/db/migrator';
import { pluginMigrations } from '../../src/engine/migrations';
import { composePlugins } from '../../src/plugins/compose';
import { discoverPlugins } from '../../src/plugins/discover';
import { loadPlugin } from '../../src/plugins/load';
import { projectRoot } from '../../src/sdk';
import type { DatabaseKind } from '../../src/db/database';
import { createTestDatabase, type TestDatabase } from './databases';

/** Every plugin's migrations, in the order the CLI applies them. */
export const everyMigration = () =>
  pluginMigrations(composePlugins(discoverPlugins(projectRoot()).map(loadPlugin)).plugins);

/** A fresh database of the suite's kind with every migration applied, closed after the suite. */
export function migratedDatabase(kind: DatabaseKind): () => TestDatabase {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateUp(database.db, everyMigration());
  }, 180_000);
  afterAll(() => database.close());
  return () => database;
}

/** The migrations of `name`'s plugin applied after it, newest first: the order they go down before it. */
export function migrationsAfter(migrations: readonly PluginMigrations[], name: string): string[] {
  const [plugin] = name.split('/');
  const own = Object.keys(migrations.find((m) => m.plugin === plugin)?.migrations ?? {}).sort();
  const index = own.indexOf(name.slice(plugin.length + 1));
  if (index < 0) throw new Error(`no migration ${name}`);
  return own
    .slice(index + 1)
    .reverse()
    .map((m) => `${plugin}/${m}`);
}
