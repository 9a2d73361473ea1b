import type { PluginDefinition } from '../sdk';

/** The resolvers a plugin declares, by `Type.field`, with the function it gave (to tell async ones). */
export function ownResolvers(plugins: readonly PluginDefinition[]): Map<string, { plugin: string; fn: unknown }> {
  const owners = new Map<string, { plugin: string; fn: unknown }>();
  for (const plugin of plugins) {
    for (const [typeName, fields] of Object.entries(plugin.resolvers ?? {})) {
      if (!fields || typeof fields !== 'object' || fields.constructor !== Object) continue;
      for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
        if (field.startsWith('__')) continue;
        const fn = typeof value === 'function' ? value : (value as { resolve?: unknown } | null)?.resolve;
        if (fn) owners.set(`${typeName}.${field}`, { plugin: plugin.name, fn });
      }
    }
  }
  return owners;
}
