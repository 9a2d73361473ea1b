import { sql, type Kysely } from 'kysely';
import { PRICED_LINE_COLUMNS } from '../loaders';
import type { PricedLine } from '../tables';

/** A cart line priced now (what its quote needs) with what the order snapshots: titles and SKU. */
export interface CheckoutLine extends PricedLine {
  title: string;
  variant_title: string;
  sku: string | null;
  for_sale: boolean;
}

/** The cart's lines in variant order (the order stock is locked in), priced now; one statement. */
export async function checkoutLines(trx: Kysely<unknown>, tenantId: string, cartId: string): Promise<CheckoutLine[]> {
  const { rows } = await sql<CheckoutLine>`
    select ${PRICED_LINE_COLUMNS},
           p.title, v.title as variant_title, v.sku, (p.status = 'ACTIVE' and p.published_at <= now()) as for_sale
      from cart_lines l
      join product_variants v on v.id = l.variant_id
      join products p on p.id = v.product_id
     where l.tenant_id = ${tenantId} and l.cart_id = ${cartId}
     order by l.variant_id`.execute(trx);
  return rows;
}
