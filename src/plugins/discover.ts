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
 * The folder holding the running code's src/ and resolvers/: the project root under tsx, and the build's
 * output folder (dist/) once compiled, where the manifests are plugin.js.
 */
export function codeRoot(): string {
  return resolve(__dirname, '..', '..');
}

/**
 * Every plugin manifest under `<codeDir>/resolvers/*` plus the extra paths (a manifest file, or a folder
 * holding one; relative to the project root `root`), in a stable order.
 */
export function discoverPlugins(root: string, extraPaths: readonly string[] = [], codeDir = root): string[] {
  const resolversDir = join(codeDir, 'resolvers');
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
