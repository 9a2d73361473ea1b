import { ALL_COLUMNS, type ColumnChoice, type PluginDefinition } from '../../sdk';
import { firstProblem, mergeNeeds, type TypeNeeds } from '../../plugins/column-needs';
import { partialRow } from './partial-row';
import type { SelectedFields } from './selected-fields';

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

class PartialChoice implements ColumnChoice {
  readonly names: readonly string[];

  constructor(
    private readonly needs: TypeNeeds,
    private readonly selected: ReadonlySet<string>,
    private readonly guarded: boolean,
  ) {
    this.names = [...selected];
  }

  with(columns: readonly string[]): ColumnChoice {
    if (columns.every((c) => this.selected.has(c))) return this;
    return new PartialChoice(this.needs, new Set([...this.selected, ...columns]), this.guarded);
  }

  guard<R extends object>(rows: R[]): R[] {
    if (!this.guarded) return rows;
    return rows.map((row) => partialRow(row, this.needs.table, this.needs.columns, this.selected));
  }
}

/**
 * Turns the plugins' column needs and an operation's selected fields into the columns each type's loader
 * selects. Choices are cached per analysed operation (itself cached on the document).
 */
export class ColumnPlanner {
  private readonly needs: Map<string, TypeNeeds>;
  private readonly cache = new WeakMap<SelectedFields, Map<string, ColumnChoice>>();

  constructor(
    plugins: readonly PluginDefinition[],
    private readonly guarded: boolean,
  ) {
    this.needs = mergeNeeds(plugins);
    const problem = firstProblem(this.needs);
    if (problem) throw new Error(problem);
  }

  choose(selected: SelectedFields | undefined, type: string): ColumnChoice {
    const needs = this.needs.get(type);
    if (!selected || !needs) return ALL_COLUMNS;
    let byType = this.cache.get(selected);
    if (!byType) this.cache.set(selected, (byType = new Map()));
    let choice = byType.get(type);
    if (!choice) {
      const columns = new Set(needs.always);
      for (const field of selected.get(type) ?? []) {
        const declared = needs.fields.get(field);
        if (declared) for (const c of declared) columns.add(c);
        else if (needs.columns.has(snakeCase(field))) columns.add(snakeCase(field));
      }
      for (const reader of needs.readBy) {
        if (selected.get(reader.type)?.has(reader.field)) for (const c of reader.columns) columns.add(c);
      }
      choice = new PartialChoice(needs, columns, this.guarded);
      byType.set(type, choice);
    }
    return choice;
  }
}
