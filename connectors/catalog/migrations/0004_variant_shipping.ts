import { sql, type Kysely } from 'kysely';

/**
 * What shipping and tax need of a variant: whether it ships at all, its weight with the unit it was
 * given in, and whether it is taxed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('product_variants')
    .addColumn('requires_shipping', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('taxable', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('weight', sql`numeric(12,3)`, (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`weight >= 0`),
    )
    .addColumn('weight_unit', 'text', (c) =>
      c
        .notNull()
        .defaultTo('KILOGRAMS')
        .check(sql`weight_unit in ('GRAMS', 'KILOGRAMS', 'OUNCES', 'POUNDS')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('product_variants')
    .dropColumn('weight_unit')
    .dropColumn('weight')
    .dropColumn('requires_shipping')
    .dropColumn('taxable')
    .execute();
}
