import { ALL_COLUMNS, type ColumnChoice, type FieldColumns, type PluginDefinition } from '../../sdk';
import { partialRow } from './partial-row';
import type { SelectedFields } from './selected-fields';

/** The needs of one type, merged over every plugin that declares some (owner and extensions). */
interface TypeNeeds {
  table: string;
  columns: Set<string>;
  always: Set<string>;
  /** Columns of the type's own row, by field declaring them (others read their snake_case column). */
  fields: Map<string, readonly string[]>;
  /** Columns of this type that fields of other types read: selecting such a field selects them here. */
  readBy: ReadBy[];
}

/** Columns of one type that a field of another type reads (`FieldColumns.otherTypes`). */
interface ReadBy {
  type: string;
  field: string;
  columns: readonly string[];
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

const isColumnList = (declared: FieldColumns): declared is readonly string[] => Array.isArray(declared);

function mergeNeeds(plugins: readonly PluginDefinition[]): Map<string, TypeNeeds> {
  const merged = new Map<string, TypeNeeds>();
  const entry = (type: string) => {
    let needs = merged.get(type);
    if (!needs)
      merged.set(type, (needs = { table: '', columns: new Set(), always: new Set(), fields: new Map(), readBy: [] }));
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
      for (const [field, declaredColumns] of Object.entries(declared.fields ?? {})) {
        const own = isColumnList(declaredColumns) ? declaredColumns : declaredColumns.own;
        if (own) needs.fields.set(field, [...(needs.fields.get(field) ?? []), ...own]);
        if (isColumnList(declaredColumns)) continue;
        for (const [other, columns] of Object.entries(declaredColumns.otherTypes)) {
          entry(other).readBy.push({ type, field, columns });
        }
      }
    }
  }
  return merged;
}

/** Why a type's merged needs don't hold (no table, or a column the table lacks), or null. */
function needsProblem(type: string, needs: TypeNeeds): string | null {
  if (!needs.table) {
    const readers = needs.readBy.map((r) => `${r.type}.${r.field}`).join(', ');
    return `Column needs of ${type} name no table: the plugin that owns ${type} declares it${readers ? ` (read by ${readers})` : ''}`;
  }
  const declared = [...needs.always, ...[...needs.fields.values()].flat(), ...needs.readBy.flatMap((r) => r.columns)];
  const unknown = declared.filter((c) => !needs.columns.has(c));
  return unknown.length ? `Column needs of ${type} name columns ${needs.table} lacks: ${unknown.join(', ')}` : null;
}

/**
 * Why the plugins' column needs, merged, don't hold, or null. Every declared column must exist: a typo
 * would otherwise be a SQL error on the first request. Composition checks each plugin with those before
 * it, and sets aside one that breaks them.
 */
export const columnNeedsProblem = (plugins: readonly PluginDefinition[]) => firstProblem(mergeNeeds(plugins));

function firstProblem(merged: Map<string, TypeNeeds>): string | null {
  for (const [type, needs] of merged) {
    const problem = needsProblem(type, needs);
    if (problem) return problem;
  }
  return null;
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
