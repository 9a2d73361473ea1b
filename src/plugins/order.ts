/**
 * Orders items so that each comes after its dependencies (stable for independent ones). Items in a
 * cycle are returned separately.
 */
export function dependencyOrder<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  depsOf: (item: T) => readonly string[],
): { ordered: T[]; cyclic: T[] } {
  const byName = new Map(items.map((item) => [nameOf(item), item]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: T[] = [];
  const cyclic = new Set<T>();
  const visit = (item: T, path: T[]): void => {
    const name = nameOf(item);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      for (const member of path.slice(path.indexOf(item))) cyclic.add(member);
      return;
    }
    state.set(name, 'visiting');
    for (const dep of depsOf(item)) {
      const target = byName.get(dep);
      if (target) visit(target, [...path, item]);
    }
    state.set(name, 'done');
    ordered.push(item);
  };
  for (const item of items) visit(item, []);
  return { ordered: ordered.filter((item) => !cyclic.has(item)), cyclic: [...cyclic] };
}
