import type { PluginDefinition } from '../sdk';

/** A plugin manifest as found on disk: its definition, or why it could not be imported. */
export interface PluginCandidate {
  source: string;
  plugin?: PluginDefinition;
  importError?: string;
}

/** Imports a manifest module. A module that throws, or exports no `plugin`, becomes a failed candidate. */
export function loadPlugin(source: string): PluginCandidate {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(source) as { plugin?: PluginDefinition; default?: PluginDefinition };
    const plugin = mod.plugin ?? mod.default;
    if (!plugin || typeof plugin !== 'object') return { source, importError: 'the module exports no `plugin`' };
    return { source, plugin };
  } catch (error) {
    return { source, importError: `import failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
