import type { PluginMigrations } from '../db/migrator';
import type { PluginDefinition } from '../sdk';

/** The migrations of the given plugins, in their dependency order. */
export function pluginMigrations(plugins: readonly PluginDefinition[]): PluginMigrations[] {
  return plugins.flatMap((p) => (p.migrations ? [{ plugin: p.name, migrations: p.migrations }] : []));
}
