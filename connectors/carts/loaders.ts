import DataLoader from 'dataloader';
import { sql } from 'kysely';
import type { LoaderContext } from '../../src/sdk';
import { rowsById } from '../../src/sdk/db';
import type { CartRow, CartTables } from './tables';

/** A cart line priced at the variant's current price (computed by Postgres, exact). */
export interface PricedLine {
  id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  price: string;
  line_total: string;
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
  return {
    cartById: rowsById<CartRow>(ctx, 'carts', 'Cart'),
    pricedLinesByCart: new DataLoader<string, PricedLine[]>(
      guardBatch(async (cartIds) => {
        const conn = await db.get<CartTables>();
        const { rows } = await sql<PricedLine>`
        select l.id, l.cart_id, l.variant_id, l.quantity, v.price, (v.price * l.quantity)::numeric(14,2) as line_total
          from cart_lines l join product_variants v on v.id = l.variant_id
         where l.tenant_id = ${db.tenantId} and l.cart_id = any(${sql.val([...cartIds])}::text[])
         order by l.id`.execute(conn);
        return cartIds.map((id) => rows.filter((row) => row.cart_id === id));
      }),
    ),
  };
}
