import { sql, type Kysely } from 'kysely';

/** The order amounts and their former types: two decimals, too few for KWD, BHD or other three-decimal currencies. */
const AMOUNTS = [
  ['orders', 'subtotal', 'numeric(14,2)'],
  ['orders', 'total', 'numeric(14,2)'],
  ['order_line_items', 'unit_price', 'numeric(12,2)'],
  ['order_line_items', 'total', 'numeric(14,2)'],
] as const;

/**
 * Orders keep their amounts exactly, in the digits of their currency (three for KWD, none for JPY):
 * `numeric` without a scale stores what checkout priced, and every existing amount converts unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of AMOUNTS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type numeric`.execute(db);
  }
}

/**
 * Back to two decimals, only while no amount has more: going down never rounds money away. A check
 * constraint sees every row (row-level security does not hide rows from it), so an order in a
 * three-decimal currency stops the migration with the constraint's name.
 */
export async function down(db: Kysely<unknown>): Promise<void> {
  const guard = (table: string, column: string) => sql.id(`${table}_${column}_has_two_decimals`);
  for (const [table, column] of AMOUNTS) {
    await sql`alter table ${sql.table(table)} add constraint ${guard(table, column)}
      check (${sql.ref(column)} = round(${sql.ref(column)}, 2))`.execute(db);
  }
  for (const [table, column, type] of AMOUNTS) {
    await sql`alter table ${sql.table(table)} drop constraint ${guard(table, column)}`.execute(db);
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type ${sql.raw(type)}`.execute(db);
  }
}
