/**
 * Tests that need a service or tool skip when it is absent, with the reason in their title: jest counts
 * them as skipped (never absent), and `scripts/ci-check-results.ts` prints each one with its reason. CI
 * fails on any skip.
 */

/** The title of a test or suite skipped because of `reason`. */
export const skippedTitle = (title: string, reason: string) => `${title} (skipped: ${reason})`;

/** `describe`, or a skipped one saying why when `missing` names what the suite needs and lacks. */
export function describeUnless(missing: string | null | undefined): (title: string, fn: () => void) => void {
  return missing ? (title, fn) => describe.skip(skippedTitle(title, missing), fn) : describe;
}

/** `it`, or a skipped one saying why when `missing` names what the test needs and lacks. */
export function itUnless(missing: string | null | undefined): (title: string, fn: jest.ProvidesCallback) => void {
  return missing ? (title, fn) => it.skip(skippedTitle(title, missing), fn) : it;
}
