import { join } from 'node:path';
import { compareWithRelease, INTENDED, printComparison, RELEASED, SCHEMA } from './schema-baseline';

/**
 * `npm run schema:check`: schema/schema.graphql against schema/released.graphql, the schema of the last
 * release (written only by `npm run schema:release`). Fails on a breaking change since the release that
 * schema/intended-breaking-changes.json does not list, and on a deprecation without a reason.
 */
const root = join(__dirname, '..');
const baseline = compareWithRelease(root);
if (baseline.released === null) {
  console.error(`schema:check: no ${RELEASED}; record the first baseline with npm run schema:release`);
  process.exit(1);
}
const failed = printComparison(baseline);
for (const entry of baseline.stale)
  console.log(`listed in ${INTENDED} but not a change since the release: ${entry.change}`);
if (failed) {
  console.error(
    `\nschema:check failed: ${SCHEMA} breaks ${RELEASED}. Deprecate instead of removing, or list the change with a` +
      ` reason in ${INTENDED} (docs/client-teams.md).`,
  );
  process.exit(1);
}
console.log(`schema:check: no unintended breaking change since the release (${RELEASED})`);
