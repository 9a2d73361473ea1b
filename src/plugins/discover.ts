import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** The manifest file of each plugin: resolvers/<name>/plugin.ts (plugin.js once compiled). */
function manifestIn(dir: string): string | null {
  for (const file of ['plugin.ts', 'plugin.js']) {
    const path = join(dir, file);
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * Every plugin manifest under `<root>/resolvers/*` plus the extra paths (a manifest file, or a folder
 * holding one), in a stable order.
 */
export function discoverPlugins(root: string, extraPaths: readonly string[] = []): string[] {
  const resolversDir = join(root, 'resolvers');
  const found = existsSync(resolversDir)
    ? readdirSync(resolversDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => manifestIn(join(resolversDir, entry.name)))
        .filter((path): path is string => path !== null)
        .sort()
    : [];
  for (const extra of extraPaths) {
    const path = isAbsolute(extra) ? extra : resolve(root, extra);
    found.push(existsSync(path) && !/\.[cm]?[jt]s$/.test(path) ? (manifestIn(path) ?? path) : path);
  }
  return [...new Set(found)];
}
