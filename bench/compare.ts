/** Identical content before timing: the answers of two servers, normalised, must be equal. */

/** Values that change with every write (the stock after an adjustment) are masked. */
const STATEFUL = new Set(['available', 'quantityAfter']);

function normalise(value: unknown, masked: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, masked));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'extensions')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, STATEFUL.has(key) || masked.has(key) ? typeof v : normalise(v, masked)]),
    );
  }
  return value;
}

/**
 * The first path where two answers differ, or null when they are the same. Values under `masked` keys
 * are compared by type only (a checkout's new cart and order ids).
 */
export function difference(a: unknown, b: unknown, masked: readonly string[] = [], path = '$'): string | null {
  const keys = new Set(masked);
  const x = normalise(a, keys);
  const y = normalise(b, keys);
  const walk = (u: unknown, v: unknown, at: string): string | null => {
    if (u && v && typeof u === 'object' && typeof v === 'object') {
      const keys = new Set([...Object.keys(u), ...Object.keys(v)]);
      for (const key of keys) {
        const found = walk((u as Record<string, unknown>)[key], (v as Record<string, unknown>)[key], `${at}.${key}`);
        if (found) return found;
      }
      return null;
    }
    return u === v
      ? null
      : `${at}: ${String(JSON.stringify(u)).slice(0, 120)} vs ${String(JSON.stringify(v)).slice(0, 120)}`;
  };
  return walk(x, y, path);
}
