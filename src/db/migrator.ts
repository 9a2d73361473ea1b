import { Migrator, sql, type Kysely, type Migration, type MigrationResult } from 'kysely';

/** One plugin's migrations, kept in that plugin's own migration table. */
export interface PluginMigrations {
  plugin: string;
  migrations: Record<string, Migration>;
}

export interface MigrationStatus {
  plugin: string;
  name: string;
  executedAt: Date | null;
}

/**
 * The schema of the migration tables. In `public` the default privileges of core/0001_app_role gave the
 * request role every right on them; here it has no usage and no default privileges reach them.
 */
export const MIGRATION_SCHEMA = 'gateway_migrations';

const tablesOf = (plugin: string) => {
  const table = `migrations_${plugin.replace(/[^a-z0-9_]/gi, '_')}`;
  return { table, lock: `${table}_lock` };
};

function migratorFor(db: Kysely<unknown>, { plugin, migrations }: PluginMigrations): Migrator {
  const { table, lock } = tablesOf(plugin);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: MIGRATION_SCHEMA,
    migrationTableName: table,
    migrationLockTableName: lock,
  });
}

/** Moves migration tables that a gateway before MIGRATION_SCHEMA kept in `public` (once per database). */
async function adoptPublicMigrationTables(db: Kysely<unknown>, plugins: readonly PluginMigrations[]): Promise<void> {
  const names = plugins.flatMap((p) => Object.values(tablesOf(p.plugin)));
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename = any(${names})`.execute(db);
  if (rows.length === 0) return;
  await sql`create schema if not exists ${sql.id(MIGRATION_SCHEMA)}`.execute(db);
  for (const { name } of rows) {
    await sql`alter table if exists ${sql.id('public', name)} set schema ${sql.id(MIGRATION_SCHEMA)}`.execute(db);
  }
}

/** Thrown when a migration fails; names the plugin and migration, keeps the cause. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

function check(plugin: string, results: MigrationResult[] | undefined, error: unknown): MigrationResult[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new MigrationError(`Migration ${plugin}/${failed} failed: ${reason}`, { cause: error });
  }
  return results ?? [];
}

/** Applies every pending migration, plugin by plugin in dependency order. */
export async function migrateUp(db: Kysely<unknown>, plugins: readonly PluginMigrations[]): Promise<string[]> {
  await adoptPublicMigrationTables(db, plugins);
  const applied: string[] = [];
  for (const entry of plugins) {
    const { results, error } = await migratorFor(db, entry).migrateToLatest();
    for (const r of check(entry.plugin, results, error)) applied.push(`${entry.plugin}/${r.migrationName}`);
  }
  return applied;
}

/**
 * Reverts migrations in reverse dependency order: all of them, or `steps` of one plugin (which must not
 * be needed by a later plugin's tables; the caller chooses).
 */
export async function migrateDown(
  db: Kysely<unknown>,
  plugins: readonly PluginMigrations[],
  only?: { plugin: string; steps: number },
): Promise<string[]> {
  await adoptPublicMigrationTables(db, plugins);
  const reverted: string[] = [];
  const targets = only ? plugins.filter((p) => p.plugin === only.plugin) : [...plugins].reverse();
  for (const entry of targets) {
    const migrator = migratorFor(db, entry);
    let steps = only ? only.steps : Number.POSITIVE_INFINITY;
    while (steps-- > 0) {
      const { results, error } = await migrator.migrateDown();
      const done = check(entry.plugin, results, error).filter((r) => r.status === 'Success');
      if (done.length === 0) break;
      for (const r of done) reverted.push(`${entry.plugin}/${r.migrationName}`);
    }
  }
  return reverted;
}

export async function migrationStatus(
  db: Kysely<unknown>,
  plugins: readonly PluginMigrations[],
): Promise<MigrationStatus[]> {
  await adoptPublicMigrationTables(db, plugins);
  const rows: MigrationStatus[] = [];
  for (const entry of plugins) {
    for (const m of await migratorFor(db, entry).getMigrations()) {
      rows.push({ plugin: entry.plugin, name: m.name, executedAt: m.executedAt ?? null });
    }
  }
  return rows;
}
