/**
 * Column needs: which columns of a table each GraphQL field reads, so loaders select only what the
 * request's operation uses instead of whole rows.
 */

/** A table and all its columns, known at run time (see `tableShape`). */
export interface TableShape {
  readonly name: string;
  readonly columns: readonly string[];
}

/**
 * A table's columns, declared next to its Kysely table type: the object must name every column of `T`
 * and no other, so the list cannot drift from the type. Declared in code rather than read from
 * information_schema: it is known synchronously, in jobs and tests alike, without a start-up query.
 */
export function tableShape<T>(name: string, columns: { [K in keyof T & string]-?: true }): TableShape {
  return { name, columns: Object.keys(columns) };
}

/** What one plugin declares for one GraphQL type backed by a table. */
export interface TypeColumnNeeds {
  /** The table behind the type: declared by the plugin that owns the type. */
  table?: TableShape;
  /** Columns this plugin's migrations add to that table (a plugin extending another's type). */
  addsColumns?: readonly string[];
  /** Columns read whatever the selection: keys, visibility and authorization inputs, cursors. */
  always?: readonly string[];
  /**
   * Columns each field's resolver reads. A field without an entry reads the column with its
   * snake_case name, if the table has one; `[]` says it reads none. A field whose resolver also reads
   * rows of other types (loaded through their loaders, or handed over) names those types' columns too.
   */
  fields?: Readonly<Record<string, FieldColumns>>;
}

/**
 * The columns one field's resolver reads: those of its own row, or an object that adds the columns it
 * reads of other types' rows. Those types' loaders select them whenever the field is selected, even
 * when the query selects nothing of those types (`ProductVariant.selectedOptions` reads its product's
 * options' names while the query selects no `ProductOption` field).
 */
export type FieldColumns =
  | readonly string[]
  | {
      /** Columns of the field's own row; omitted, the snake_case default of an undeclared field. */
      readonly own?: readonly string[];
      /** Columns of other types' rows the resolver reads, by GraphQL type name. */
      readonly otherTypes: Readonly<Record<string, readonly string[]>>;
    };

/** Column needs by GraphQL type name. */
export type ColumnNeeds = Readonly<Record<string, TypeColumnNeeds>>;

/** The columns of one type's table that the request reads. */
export interface ColumnChoice {
  /** Column names to select, or 'all' when the request was not analysed (jobs, webhooks, mutations). */
  readonly names: readonly string[] | 'all';
  /** The same choice with more columns (a loader's own keys and sort columns). */
  with(columns: readonly string[]): ColumnChoice;
  /** Outside production, rows read with a partial choice throw when an unselected column is read. */
  guard<R extends object>(rows: R[]): R[];
}

/** The choice when nothing is known: every column, rows as they are. */
export const ALL_COLUMNS: ColumnChoice = {
  names: 'all',
  with: () => ALL_COLUMNS,
  guard: (rows) => rows,
};
