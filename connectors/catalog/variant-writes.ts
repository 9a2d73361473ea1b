import { sql, type Kysely } from 'kysely';
import type { CatalogTables, OptionRow, VariantRow, WeightUnit } from './tables';
import { UserErrors, type UserError } from '../../src/sdk';
import { updateRow } from '../../src/sdk/db';

export interface VariantFields {
  title?: string | null;
  sku?: string | null;
  price?: string | null;
  compareAtPrice?: string | null;
  optionValues?: string[] | null;
  position?: number | null;
  requiresShipping?: boolean | null;
  taxable?: boolean | null;
  weight?: { value: string; unit: WeightUnit } | null;
}

type Trx = Kysely<CatalogTables>;

export async function productOptions(trx: Trx, tenantId: string, productId: string): Promise<OptionRow[]> {
  return trx
    .selectFrom('product_options')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .orderBy('position')
    .execute();
}

/** Option values must name one value of each of the product's options, in option order. */
export function optionValueErrors(
  field: string[],
  values: readonly string[],
  options: readonly OptionRow[],
): UserError[] {
  if (values.length !== options.length) {
    return [
      { field, code: 'INVALID', message: `optionValues needs one value for each of the ${options.length} options` },
    ];
  }
  return values.flatMap((value, i) =>
    options[i].values.includes(value)
      ? []
      : [
          {
            field: [...field, String(i)],
            code: 'INVALID' as const,
            message: `${value} is not a value of ${options[i].name}`,
          },
        ],
  );
}

function columns(fields: VariantFields) {
  const set: Record<string, unknown> = {};
  if (fields.title != null) set.title = fields.title.trim();
  if (fields.sku !== undefined) set.sku = fields.sku?.trim() || null;
  if (fields.price != null) set.price = fields.price;
  if (fields.compareAtPrice !== undefined) set.compare_at_price = fields.compareAtPrice;
  if (fields.optionValues != null) set.option_values = fields.optionValues;
  if (fields.position != null) set.position = fields.position;
  if (fields.requiresShipping != null) set.requires_shipping = fields.requiresShipping;
  if (fields.taxable != null) set.taxable = fields.taxable;
  if (fields.weight != null) {
    set.weight = fields.weight.value;
    set.weight_unit = fields.weight.unit;
  }
  return set;
}

/** Inserts variants after the product's last position (the caller holds the product lock). */
export async function insertVariants(
  trx: Trx,
  tenantId: string,
  productId: string,
  variants: readonly VariantFields[],
): Promise<VariantRow[]> {
  if (variants.length === 0) return [];
  const last = await trx
    .selectFrom('product_variants')
    .select(sql<number>`coalesce(max(position), 0)`.as('position'))
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto('product_variants')
    .values(
      variants.map((v, i) => ({
        title: v.title?.trim() || v.optionValues?.join(' / ') || 'Default Title',
        price: '0.00',
        ...columns(v),
        position: Number(last.position) + i + 1,
        tenant_id: tenantId,
        product_id: productId,
      })),
    )
    .returningAll()
    .execute();
}

export function updateVariant(trx: Trx, tenantId: string, id: string, fields: VariantFields) {
  return updateRow<VariantRow>(trx, 'product_variants', tenantId, id, columns(fields));
}

/** Deletes a variant unless it is the product's last one (a product always has one). */
export async function deleteVariant(trx: Trx, tenantId: string, variant: VariantRow): Promise<void> {
  const { count } = await trx
    .selectFrom('product_variants')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', variant.product_id)
    .executeTakeFirstOrThrow();
  if (Number(count) <= 1) {
    throw new UserErrors([
      { field: ['id'], code: 'NOT_ALLOWED', message: "A product's last variant can't be deleted" },
    ]);
  }
  await trx.deleteFrom('product_variants').where('tenant_id', '=', tenantId).where('id', '=', variant.id).execute();
}

export async function variantFor(trx: Trx, tenantId: string, id: string): Promise<VariantRow | null> {
  const row = await trx
    .selectFrom('product_variants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}
