import type { PluginDefinition } from '../sdk';

/** A plugin manifest as found on disk: its definition, or why it could not be imported. */
export interface PluginCandidate {
  source: string;
  plugin?: PluginDefinition;
  importError?: string;
  /** The plugin's name when `plugin` is absent but known (a remote service that could not be read). */
  name?: string;
}

/**
 * True when a TypeScript loader is registered: `npm start` runs under tsx; the compiled server does not, so
 * a `.ts` manifest (e.g. in GATEWAY_PLUGIN_PATHS) must be compiled to `.js` first.
 */
function loadsTypeScript(): boolean {
  // Deprecated, but the one public view of the loaders registered (tsx adds .ts).
  return '.ts' in require.extensions;
}

const TYPESCRIPT_SOURCE = /\.[cm]?tsx?$/;

/** Imports a manifest module. A module that throws, or exports no `plugin`, becomes a failed candidate. */
export function loadPlugin(source: string): PluginCandidate {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(source) as { plugin?: PluginDefinition; default?: PluginDefinition };
    const plugin = mod.plugin ?? mod.default;
    if (!plugin || typeof plugin !== 'object') return { source, importError: 'the module exports no `plugin`' };
    return { source, plugin };
  } catch (error) {
    // Node parses a .ts file it has no loader for as JavaScript, and stops at the first type annotation.
    if (error instanceof SyntaxError && TYPESCRIPT_SOURCE.test(source) && !loadsTypeScript()) {
      return { source, importError: 'a TypeScript manifest needs tsx (npm start); the compiled server loads .js only' };
    }
    return { source, importError: `import failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
