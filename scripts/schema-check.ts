import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSchemas, type IntendedChange } from './schema-compat';

/**
 * `npm run schema:check`: schema/schema.graphql against its version at SCHEMA_BASE_REF (default HEAD~1).
 * Fails on a breaking change not listed in schema/intended-breaking-changes.json, and on a deprecation
 * without a reason. Passes when the base has no schema (the first commit of it).
 */
const root = join(__dirname, '..');
const SCHEMA = 'schema/schema.graphql';
const INTENDED = join(root, 'schema', 'intended-breaking-changes.json');
const base = process.env.SCHEMA_BASE_REF || 'HEAD~1';

function previousSchema(): string | null {
  try {
    return execFileSync('git', ['show', `${base}:${SCHEMA}`], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch {
    return null;
  }
}

const previous = previousSchema();
const current = readFileSync(join(root, SCHEMA), 'utf8');
const intended = existsSync(INTENDED) ? (JSON.parse(readFileSync(INTENDED, 'utf8')) as IntendedChange[]) : [];
const report = compareSchemas(previous ?? current, current, intended);
if (previous === null) console.log(`schema:check: no ${SCHEMA} at ${base}; comparing nothing`);
for (const change of report.intended) console.log(`intended breaking change: ${change.description}`);
for (const change of report.unintended) console.error(`BREAKING (${change.type}): ${change.description}`);
for (const problem of report.problems) console.error(`schema problem: ${problem}`);
if (report.unintended.length || report.problems.length) {
  console.error(
    `\nschema:check failed against ${base}. Deprecate instead of removing, or list the change with a reason in` +
      ' schema/intended-breaking-changes.json (docs/client-teams.md).',
  );
  process.exit(1);
}
console.log(`schema:check: no unintended breaking change against ${base}`);
