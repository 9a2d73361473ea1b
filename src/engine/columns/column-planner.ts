import { ALL_COLUMNS, type ColumnChoice, type PluginDefinition } from '../../sdk';
import { partialRow } from './partial-row';
import type { SelectedFields } from './selected-fields';

/** The needs of one type, merged over every plugin that declares some (owner and extensions). */
interface TypeNeeds {
  table: string;
  columns: Set<string>;
  always: Set<string>;
  fields: Map<string, readonly string[]>;
}

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

function mergeNeeds(plugins: readonly PluginDefinition[]): Map<string, TypeNeeds> {
  const merged = new Map<string, TypeNeeds>();
  const entry = (type: string) => {
    let needs = merged.get(type);
    if (!needs) merged.set(type, (needs = { table: '', columns: new Set(), always: new Set(), fields: new Map() }));
    return needs;
  };
  for (const plugin of plugins) {
    for (const [type, declared] of Object.entries(plugin.columns ?? {})) {
      const needs = entry(type);
      if (declared.table) {
        needs.table = declared.table.name;
        for (const c of declared.table.columns) needs.columns.add(c);
      }
      for (const c of declared.addsColumns ?? []) needs.columns.add(c);
      for (const c of declared.always ?? []) needs.always.add(c);
      for (const [field, columns] of Object.entries(declared.fields ?? {})) {
        needs.fields.set(field, [...(needs.fields.get(field) ?? []), ...columns]);
      }
    }
  }
  return merged;
}

/** Every declared column must exist: a typo would otherwise be a SQL error on the first request. */
function checkNeeds(type: string, needs: TypeNeeds): void {
  if (!needs.table) throw new Error(`Column needs of ${type} name no table: the plugin that owns ${type} declares it`);
  const declared = [...needs.always, ...[...needs.fields.values()].flat()];
  const unknown = declared.filter((c) => !needs.columns.has(c));
  if (unknown.length)
    throw new Error(`Column needs of ${type} name columns ${needs.table} lacks: ${unknown.join(', ')}`);
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
    private readonly guarded = process.env.NODE_ENV !== 'production',
  ) {
    this.needs = mergeNeeds(plugins);
    for (const [type, needs] of this.needs) checkNeeds(type, needs);
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
      choice = new PartialChoice(needs, columns, this.guarded);
      byType.set(type, choice);
    }
    return choice;
  }
}
