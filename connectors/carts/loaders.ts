import DataLoader from 'dataloader';
import { sql, type Kysely } from 'kysely';
import type { LoaderContext } from '../../src/sdk';
import { rowsById } from '../../src/sdk/db';
import { createOrderPricingLoaders } from './checkout/order-pricing';
import { createPricingLoaders } from './pricing/loaders';
import type { CartRow, CartTables, PricedLine } from './tables';

export type { CartLineParent, PricedLine } from './tables';

const GRAMS_PER_UNIT = sql`case v.weight_unit when 'GRAMS' then 1 when 'KILOGRAMS' then 1000
  when 'OUNCES' then 28.349523125 else 453.59237 end`;
const lineGrams = sql`round(v.weight * ${GRAMS_PER_UNIT} * l.quantity)::int`;

/** A PricedLine's columns, of a cart line `l` and its variant `v`. */
export const PRICED_LINE_COLUMNS = sql`l.id, l.cart_id, l.variant_id, l.quantity, v.price,
  (v.price * l.quantity) as line_total, v.product_id, v.requires_shipping, v.taxable, ${lineGrams} as weight_grams`;

/** Lines in the order of their ids (the order pricedLines reads them in, which a quote allocates by). */
export const inLineOrder = <L extends PricedLine>(lines: readonly L[]): L[] =>
  [...lines].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));

/** The carts' lines at their variants' current prices, with what shipping needs; one statement. */
export async function pricedLines<DB>(conn: Kysely<DB>, tenantId: string, cartIds: readonly string[]) {
  const { rows } = await sql<PricedLine>`
    select ${PRICED_LINE_COLUMNS}
      from cart_lines l join product_variants v on v.id = l.variant_id
     where l.tenant_id = ${tenantId} and l.cart_id = any(${sql.val([...cartIds])}::text[])
     order by l.id`.execute(conn);
  return rows;
}

declare module '../../src/sdk' {
  interface Loaders {
    cartById: DataLoader<string, CartRow | null>;
    pricedLinesByCart: DataLoader<string, PricedLine[]>;
  }
}

/** One statement per batch (`= any($1)`), filtered by tenant as well as by RLS. */
export function createCartLoaders(ctx: LoaderContext) {
  const { db, guardBatch } = ctx;
  const own = {
    cartById: rowsById<CartRow>(ctx, 'carts', 'Cart'),
    pricedLinesByCart: new DataLoader<string, PricedLine[]>(
      guardBatch(async (cartIds) => {
        const rows = await pricedLines(await db.get<CartTables>(), db.tenantId, cartIds);
        return cartIds.map((id) => rows.filter((row) => row.cart_id === id));
      }),
    ),
  };
  const pricing = createPricingLoaders(ctx, () => ({ ...own, ...pricing }));
  return { ...own, ...pricing, ...createOrderPricingLoaders(ctx) };
}
