/** A clock a test drives: the wall clock until frozen, then only where the test moves it. */
export interface TestClock {
  now: () => number;
  freeze(atMs?: number): void;
  advance(ms: number): void;
  /** Back to the wall clock. */
  thaw(): void;
}

export function testClock(): TestClock {
  let frozenAt: number | undefined;
  return {
    now: () => frozenAt ?? Date.now(),
    freeze: (atMs = Date.now()) => void (frozenAt = atMs),
    advance: (ms) => void (frozenAt = (frozenAt ?? Date.now()) + ms),
    thaw: () => void (frozenAt = undefined),
  };
}
