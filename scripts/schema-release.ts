import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHANGELOG,
  compareWithRelease,
  FEDERATED,
  INTENDED,
  printComparison,
  readChangelog,
  RELEASED,
  RELEASED_SUPERGRAPH,
  SCHEMA,
  SUPERGRAPH,
  writeAll,
} from './schema-baseline';

/**
 * `npm run schema:release`: makes the current schema the released baseline. The intended breaking changes
 * it ships move from schema/intended-breaking-changes.json to schema/released-changes.json under the
 * release date (SCHEMA_RELEASE_DATE, default today), and the pending list is emptied. Refused, writing
 * nothing, while the check fails or the list names a change the schema does not make.
 */
const root = join(__dirname, '..');
const date = process.env.SCHEMA_RELEASE_DATE || new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error(`SCHEMA_RELEASE_DATE must be a date such as 2026-12-31, not "${date}"`);
  process.exit(1);
}
const baseline = compareWithRelease(root);
// A project without remote connectors has no supergraph: the local graph stands for both.
const federated = existsSync(join(root, SUPERGRAPH)) ? compareWithRelease(root, FEDERATED) : baseline;
// Released with our graph: the supergraph's breaking changes need the same listing.
const failed =
  printComparison(baseline) || (federated !== baseline && federated.released !== null && printComparison(federated));
const stale = baseline.stale.filter((e) => federated.stale.some((f) => f.change === e.change));
for (const entry of stale) console.error(`listed in ${INTENDED} but not a change since the release: ${entry.change}`);
if (failed || stale.length) {
  console.error(`\nschema:release refused: fix the above first (docs/client-teams.md).`);
  process.exit(1);
}
if (baseline.current === baseline.released && federated.current === federated.released) {
  console.log(`schema:release: ${SCHEMA} is already the released schema`);
  process.exit(0);
}
const files: Record<string, string> = { [INTENDED]: '[]\n', [RELEASED]: baseline.current };
if (federated !== baseline) files[RELEASED_SUPERGRAPH] = federated.current;
// Both comparisons read the one list of intended changes.
const intended = baseline.intended;
if (intended.length) {
  const changelog = [...readChangelog(root), { released: date, changes: intended }];
  files[CHANGELOG] = `${JSON.stringify(changelog, null, 2)}\n`;
}
writeAll(root, files);
console.log(
  `schema:release: ${RELEASED} and ${RELEASED_SUPERGRAPH} are now the current schemas (${intended.length} breaking change(s) recorded in ${CHANGELOG})`,
);
