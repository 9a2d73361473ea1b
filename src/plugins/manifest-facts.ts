import type { PluginDefinition } from '../sdk/plugin';

/** The plugins every tenant has, whatever its file lists. */
export function alwaysOnOf(plugins: readonly PluginDefinition[]): Set<string> {
  return new Set(plugins.filter((p) => p.alwaysOn).map((p) => p.name));
}

/** The admin scopes the plugins' manifests declare, each once. */
export function adminScopesOf(plugins: readonly PluginDefinition[]): Set<string> {
  return new Set(plugins.flatMap((p) => p.scopes ?? []));
}
