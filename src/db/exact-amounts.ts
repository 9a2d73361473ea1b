import { sql, type Kysely } from 'kysely';

/** A money column and the fixed-scale type it had (`numeric(14,2)`) before it kept amounts exactly. */
export type AmountColumn = readonly [table: string, column: string, formerType: string];

const scaleOf = (type: string): number => Number(/,\s*(\d+)\)$/.exec(type)?.[1] ?? 0);
const guard = (table: string, column: string, scale: number) => sql.id(`${table}_${column}_has_${scale}_decimals`);

/**
 * Money columns become `numeric` without a scale: they keep any currency's digits (three for KWD,
 * none for JPY), and every stored amount converts unchanged.
 */
export async function widenAmounts(db: Kysely<unknown>, columns: readonly AmountColumn[]): Promise<void> {
  for (const [table, column] of columns) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type numeric`.execute(db);
  }
}

/**
 * Back to the former types, only while no amount has more decimals than they keep: going down never
 * rounds money away. A check constraint sees every row (row-level security does not hide rows from
 * it), so one amount with too many decimals stops the migration with the constraint's name.
 */
export async function narrowAmounts(db: Kysely<unknown>, columns: readonly AmountColumn[]): Promise<void> {
  for (const [table, column, type] of columns) {
    const scale = scaleOf(type);
    await sql`alter table ${sql.table(table)} add constraint ${guard(table, column, scale)}
      check (${sql.ref(column)} = round(${sql.ref(column)}, ${sql.lit(scale)}))`.execute(db);
  }
  for (const [table, column, type] of columns) {
    await sql`alter table ${sql.table(table)} drop constraint ${guard(table, column, scaleOf(type))}`.execute(db);
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type ${sql.raw(type)}`.execute(db);
  }
}
