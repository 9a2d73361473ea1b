import type { FieldColumns, PluginDefinition } from '../sdk';

/** The needs of one type, merged over every plugin that declares some (owner and extensions). */
export interface TypeNeeds {
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

const isColumnList = (declared: FieldColumns): declared is readonly string[] => Array.isArray(declared);

export function mergeNeeds(plugins: readonly PluginDefinition[]): Map<string, TypeNeeds> {
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

export function firstProblem(merged: Map<string, TypeNeeds>): string | null {
  for (const [type, needs] of merged) {
    const problem = needsProblem(type, needs);
    if (problem) return problem;
  }
  return null;
}
