/** Identical content before timing: the answers of two servers, normalised, must be equal. */

/** Values that change with every write (the stock after an adjustment) are masked. */
const STATEFUL = new Set(['available', 'quantityAfter']);

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'extensions')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, STATEFUL.has(key) ? typeof v : normalise(v)]),
    );
  }
  return value;
}

/** The first path where two answers differ, or null when they are the same. */
export function difference(a: unknown, b: unknown, path = '$'): string | null {
  const x = normalise(a);
  const y = normalise(b);
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
