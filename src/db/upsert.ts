import { sql, type RawBuilder } from 'kysely';

/**
 * `{ column: excluded.column }` for each column: the `on conflict … do update set` of an upsert
 * whose incoming row replaces the stored values. Each value is typed to fit its column (`never`),
 * as a `sql` literal in its place would be.
 */
export function fromExcluded<C extends string>(columns: readonly C[]): Record<C, RawBuilder<never>> {
  return Object.fromEntries(columns.map((c) => [c, sql.ref<never>(`excluded.${c}`)])) as Record<C, RawBuilder<never>>;
}
