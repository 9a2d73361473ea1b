import type { CostHint, CostMap, PluginDefinition } from '../sdk';

/** Hints for the engine's own fields (core has no manifest costs of its own). */
const ENGINE_HINTS: CostMap = {
  'Query.nodes': { multipliers: ['ids'] },
};

/** Every plugin's `costs`, keyed `Type.field`; a later plugin cannot silently override an earlier one. */
export function collectCostHints(plugins: readonly PluginDefinition[]): ReadonlyMap<string, CostHint> {
  const hints = new Map<string, CostHint>(Object.entries(ENGINE_HINTS));
  for (const plugin of plugins) {
    for (const [coordinate, hint] of Object.entries(plugin.costs ?? {})) {
      if (!hints.has(coordinate) || ENGINE_HINTS[coordinate]) hints.set(coordinate, hint);
    }
  }
  return hints;
}
