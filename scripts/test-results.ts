/** The parts of jest's `--json` results that CI reads. */
export interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    assertionResults: { ancestorTitles: string[]; title: string; status: string }[];
  }[];
}

export interface SkippedTest {
  /** The test file, relative to `root`. */
  file: string;
  /** Its describe blocks and title, joined with ' > '. */
  title: string;
  reason: string;
}

/** Statuses of tests that did not run: skipped, todo, or left out by a focused (`.only`) test. */
const NOT_RUN = new Set(['pending', 'skipped', 'todo', 'disabled', 'focused']);
/** Where the test kit (test/kit/skip.ts) says why: at the end of a skipped test's or suite's title. */
const REASON = /\(skipped: (.+)\)$/;

/** Every test that did not run, with the reason its title gives. */
export function skippedTests(results: JestResults, root: string): SkippedTest[] {
  return results.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => NOT_RUN.has(test.status))
      .map((test) => {
        const titles = [...test.ancestorTitles, test.title];
        const reason =
          titles.map((t) => REASON.exec(t)?.[1]).find(Boolean) ??
          (test.status === 'todo' ? 'a todo' : 'no reason given (a bare .skip, or left out by .only)');
        return { file: file.name.replace(`${root}/`, ''), title: titles.join(' > '), reason };
      }),
  );
}

/** The lines CI prints: the counts, then each test that did not run and why. */
export function report(results: JestResults, root: string): { lines: string[]; skipped: number } {
  const skipped = skippedTests(results, root);
  const notRun = results.numPendingTests + results.numTodoTests;
  const lines = [`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${notRun} skipped`];
  if (skipped.length) {
    lines.push(`CI runs every test; ${skipped.length} did not run:`);
    for (const s of skipped) lines.push(`  ${s.file}: ${s.title}\n    why: ${s.reason}`);
  }
  return { lines, skipped: skipped.length };
}
