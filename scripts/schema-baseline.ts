import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareSchemas, type CompatReport, type IntendedChange } from './schema-compat';

/** The project's schema files: the current graph, the last released one, and the pending intended changes. */
export const SCHEMA = 'schema/schema.graphql';
export const RELEASED = 'schema/released.graphql';
export const INTENDED = 'schema/intended-breaking-changes.json';
export const CHANGELOG = 'schema/released-changes.json';
/** The supergraph (our graph and the demo's remote services) and its released version. */
export const SUPERGRAPH = 'schema/supergraph.graphql';
export const RELEASED_SUPERGRAPH = 'schema/released-supergraph.graphql';

/** A graph and the file of its released version. */
export interface Contract {
  schema: string;
  released: string;
}
export const LOCAL: Contract = { schema: SCHEMA, released: RELEASED };
export const FEDERATED: Contract = { schema: SUPERGRAPH, released: RELEASED_SUPERGRAPH };

/** One release's accepted breaking changes, as schema:release recorded them. */
export interface ReleaseRecord {
  released: string;
  changes: IntendedChange[];
}

export interface Baseline {
  current: string;
  released: string | null;
  intended: IntendedChange[];
  report: CompatReport;
  /** Listed as intended, but not a change since the release (a typo, or a change not made yet). */
  stale: IntendedChange[];
}

/** A JSON list of the project, or `empty` when the file is absent; a malformed file stops the script. */
function readJson<T>(path: string, empty: T): T {
  if (!existsSync(path)) return empty;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    console.error(`${relative(process.cwd(), path)} is not valid JSON: ${(error as Error).message}`);
    process.exit(1);
  }
}

/**
 * The current schema against the released one. Every commit since the release is covered at once: a
 * field removed in any of them is missing from the current schema, whatever came after.
 */
export function compareWithRelease(root: string, contract: Contract = LOCAL): Baseline {
  const current = readFileSync(join(root, contract.schema), 'utf8');
  const releasedPath = join(root, contract.released);
  const released = existsSync(releasedPath) ? readFileSync(releasedPath, 'utf8') : null;
  const intended = readJson<IntendedChange[]>(join(root, INTENDED), []);
  const report = compareSchemas(released ?? current, current, intended);
  const found = new Set(report.intended.map((c) => c.description));
  return { current, released, intended, report, stale: intended.filter((i) => !found.has(i.change)) };
}

/** Prints the comparison; true when it fails (a breaking change not listed, or a problem). */
export function printComparison({ report }: Baseline): boolean {
  for (const change of report.intended) console.log(`intended breaking change: ${change.description}`);
  for (const change of report.unintended) console.error(`BREAKING (${change.type}): ${change.description}`);
  for (const problem of report.problems) console.error(`schema problem: ${problem}`);
  return report.unintended.length > 0 || report.problems.length > 0;
}

/** Writes every file first beside its target, then renames each over it: no file is left half-written. */
export function writeAll(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, `${path}.tmp`), text);
  for (const path of Object.keys(files)) renameSync(join(root, `${path}.tmp`), join(root, path));
}

export const readChangelog = (root: string) => readJson<ReleaseRecord[]>(join(root, CHANGELOG), []);
