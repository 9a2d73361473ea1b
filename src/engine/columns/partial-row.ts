/**
 * A row read with only some of its table's columns, as a Proxy that throws when code reads a column of
 * the table that was not selected: a missing column declaration fails the tests loudly instead of
 * reading as `undefined`. Used outside production only (a Proxy slows every property read).
 */
export function partialRow<R extends object>(
  row: R,
  table: string,
  columns: ReadonlySet<string>,
  selected: ReadonlySet<string>,
): R {
  return new Proxy(row, {
    get(target, property, receiver) {
      if (typeof property === 'string' && columns.has(property) && !selected.has(property) && !(property in target)) {
        throw new Error(
          `Column ${table}.${property} was read but not selected: declare it in the column needs of the plugin whose resolver reads it`,
        );
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
