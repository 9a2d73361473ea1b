import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithRelease, FEDERATED, INTENDED, LOCAL, printComparison } from './schema-baseline';

/**
 * `npm run schema:check`: schema/schema.graphql against schema/released.graphql, the schema of the last
 * release (written only by `npm run schema:release`), and schema/supergraph.graphql (with the demo's
 * remote services) against schema/released-supergraph.graphql. Fails on a breaking change since the
 * release that schema/intended-breaking-changes.json does not list, and on a deprecation without a reason.
 */
const root = join(__dirname, '..');
// A project without remote connectors has no supergraph: its local graph alone is checked.
const contracts = [LOCAL, FEDERATED].filter((c) => c === LOCAL || existsSync(join(root, c.schema)));
const baselines = contracts.map((contract) => ({ contract, baseline: compareWithRelease(root, contract) }));
let failed = false;
for (const { contract, baseline } of baselines) {
  if (baseline.released === null) {
    console.error(`schema:check: no ${contract.released}; record the first baseline with npm run schema:release`);
    process.exit(1);
  }
  console.log(`${contract.schema} against ${contract.released}:`);
  if (printComparison(baseline)) {
    failed = true;
    console.error(
      `\nschema:check failed: ${contract.schema} breaks ${contract.released}. Deprecate instead of removing, or list` +
        ` the change with a reason in ${INTENDED} (docs/client-teams.md).`,
    );
  }
}
const found = (change: string) => baselines.some(({ baseline }) => !baseline.stale.some((s) => s.change === change));
for (const entry of baselines[0].baseline.stale.filter((e) => !found(e.change)))
  console.log(`listed in ${INTENDED} but not a change since the release: ${entry.change}`);
if (failed) process.exit(1);
console.log('schema:check: no unintended breaking change since the release');
