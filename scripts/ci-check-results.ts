import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { report, type JestResults } from './test-results';

/**
 * `.ci/run`'s last step: `tsx scripts/ci-check-results.ts <jest --json output>`. Prints the counts and
 * every test that did not run with why; exits 1 if any did not (CI has every service, so nothing skips).
 */
const root = join(__dirname, '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: tsx scripts/ci-check-results.ts <jest-results.json>');
  process.exit(2);
}
const { lines, skipped } = report(JSON.parse(readFileSync(file, 'utf8')) as JestResults, root);
for (const line of lines) console.log(line);
if (skipped > 0) {
  console.error(`CI fails: ${skipped} test(s) skipped`);
  process.exit(1);
}
