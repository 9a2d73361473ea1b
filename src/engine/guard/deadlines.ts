const WINDOW_MS = 10;

/**
 * Timeouts for many pending calls at the price of one timer per 10 ms window: a timer (and a
 * Promise.race) per resolver call was most of the guard's cost on list pages. A deadline fires
 * between `ms` and `ms + 10` after it was set.
 */
export class Deadlines {
  private readonly windows = new Map<number, Set<() => void>>();

  /** Calls `onTimeout` once `ms` have passed, unless the returned cancel function is called first. */
  add(ms: number, onTimeout: () => void): () => void {
    const at = Math.ceil((Date.now() + ms) / WINDOW_MS) * WINDOW_MS;
    let window = this.windows.get(at);
    if (!window) {
      const created = new Set<() => void>();
      window = created;
      this.windows.set(at, created);
      setTimeout(
        () => {
          this.windows.delete(at);
          for (const fire of created) fire();
        },
        Math.max(0, at - Date.now()),
      );
    }
    const entries = window;
    entries.add(onTimeout);
    return () => entries.delete(onTimeout);
  }
}
