import { sql, type Kysely } from 'kysely';
import type { CatalogTables, OptionRow } from './tables';
import { UserErrors } from '../../src/sdk';
import { productOptions } from './variant-writes';

export const MAX_OPTIONS = 3;

export interface OptionFields {
  name: string;
  values: string[];
}

type Trx = Kysely<CatalogTables>;

const unique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()))];

/**
 * Appends options (the caller holds the product lock). Existing variants take each new option's first
 * value, so every variant keeps one value per option.
 */
export async function insertOptions(
  trx: Trx,
  tenantId: string,
  productId: string,
  options: readonly OptionFields[],
  field: string[],
) {
  if (options.length === 0) return;
  const existing = await productOptions(trx, tenantId, productId);
  if (existing.length + options.length > MAX_OPTIONS) {
    throw new UserErrors([{ field, code: 'INVALID', message: `A product has at most ${MAX_OPTIONS} options` }]);
  }
  await trx
    .insertInto('product_options')
    .values(
      options.map((o, i) => ({
        tenant_id: tenantId,
        product_id: productId,
        name: o.name.trim(),
        values: unique(o.values),
        position: existing.length + i + 1,
      })),
    )
    .execute();
  await trx
    .updateTable('product_variants')
    .set({ option_values: sql`option_values || ${options.map((o) => o.values[0].trim())}::text[]` } as never)
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .execute();
}

/** Renames an option or changes its values; a value still used by a variant can't be removed. */
export async function updateOption(
  trx: Trx,
  tenantId: string,
  productId: string,
  option: { id: string; name?: string | null; values?: string[] | null },
): Promise<void> {
  const options = await productOptions(trx, tenantId, productId);
  const index = options.findIndex((o) => o.id === option.id);
  if (index < 0) throw new UserErrors([{ field: ['option', 'id'], code: 'NOT_FOUND', message: 'Option not found' }]);
  const values = option.values ? unique(option.values) : null;
  if (values) {
    const used = await trx
      .selectFrom('product_variants')
      .select(sql<string>`option_values[${index + 1}]`.as('value'))
      .where('tenant_id', '=', tenantId)
      .where('product_id', '=', productId)
      .execute();
    const missing = used.map((u) => u.value).find((v) => v != null && !values.includes(v));
    if (missing !== undefined) {
      throw new UserErrors([
        { field: ['option', 'values'], code: 'NOT_ALLOWED', message: `${missing} is still used by a variant` },
      ]);
    }
  }
  const changes = { ...(option.name != null ? { name: option.name.trim() } : {}), ...(values ? { values } : {}) };
  // Neither name nor values given: nothing to write (an empty `set` is not SQL).
  if (Object.keys(changes).length === 0) return;
  await trx
    .updateTable('product_options')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', option.id)
    .execute();
}

/** Deletes options, drops their values from the variants and closes the gaps in positions. */
export async function deleteOptions(trx: Trx, tenantId: string, productId: string, ids: readonly string[]) {
  const options = await productOptions(trx, tenantId, productId);
  const unknown = ids.findIndex((id) => !options.some((o) => o.id === id));
  if (unknown >= 0) {
    throw new UserErrors([{ field: ['options', String(unknown)], code: 'NOT_FOUND', message: 'Option not found' }]);
  }
  const kept: OptionRow[] = options.filter((o) => !ids.includes(o.id));
  const keptIndexes = options.flatMap((o, i) => (ids.includes(o.id) ? [] : [i + 1]));
  await trx
    .updateTable('product_variants')
    .set({
      option_values: sql`(select coalesce(array_agg(option_values[k] order by n), '{}')
        from unnest(${keptIndexes}::int[]) with ordinality as u(k, n))`,
    } as never)
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .execute();
  await trx
    .deleteFrom('product_options')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
    .execute();
  for (const [i, option] of kept.entries()) {
    if (option.position !== i + 1) {
      await trx
        .updateTable('product_options')
        .set({ position: i + 1 })
        .where('id', '=', option.id)
        .execute();
    }
  }
}
