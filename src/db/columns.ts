import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { ColumnChoice } from '../sdk';

/** The two select methods every query builder has, whatever its tables. */
interface Selecting {
  selectAll(table?: string): unknown;
  select(columns: readonly string[]): unknown;
}

/**
 * Selects the chosen columns of the query's table `alias` (or its only table), or all of them. Typed
 * as whole rows; at run time a partial choice gives partial rows (guard them: ColumnChoice.guard).
 */
export function selectColumns<DB, TB extends keyof DB, O, T extends TB & string = TB & string>(
  query: SelectQueryBuilder<DB, TB, O>,
  choice: ColumnChoice,
  alias?: T,
): SelectQueryBuilder<DB, TB, O & Selectable<DB[T]>> {
  const q = query as unknown as Selecting;
  const { names } = choice;
  const selected =
    names === 'all' ? q.selectAll(alias) : q.select(alias ? names.map((column) => `${alias}.${column}`) : names);
  return selected as SelectQueryBuilder<DB, TB, O & Selectable<DB[T]>>;
}

/** The chosen columns as part of a statement shape's key (shaped-statements.ts). */
export const choiceKey = (choice: ColumnChoice) => (choice.names === 'all' ? '*' : choice.names.join(','));
