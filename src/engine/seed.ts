import type { PluginDefinition, PluginRuntime, SeedOptions } from '../sdk';

/** Runs each plugin's seed in dependency order, for the tenants that enabled that plugin. */
export async function seedPlugins(
  runtime: PluginRuntime,
  plugins: readonly PluginDefinition[],
  profile: SeedOptions['profile'],
  size: Pick<SeedOptions, 'products'> = {},
): Promise<string[]> {
  const seeded: string[] = [];
  for (const plugin of plugins) {
    if (!plugin.seed) continue;
    const tenants = runtime.tenants().filter((t) => t.plugins.has(plugin.name));
    if (tenants.length === 0) continue;
    await plugin.seed(runtime, { profile, tenants, ...size });
    seeded.push(plugin.name);
  }
  return seeded;
}
