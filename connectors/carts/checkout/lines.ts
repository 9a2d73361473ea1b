import { sql, type Kysely } from 'kysely';

/** A cart line with what the order snapshots: titles, SKU and the current price. */
export interface CheckoutLine {
  variant_id: string;
  product_id: string;
  quantity: number;
  price: string;
  line_total: string;
  title: string;
  variant_title: string;
  sku: string | null;
  for_sale: boolean;
}

/** The cart's lines in variant order (the order stock is locked in), priced now. */
export async function checkoutLines(trx: Kysely<unknown>, tenantId: string, cartId: string): Promise<CheckoutLine[]> {
  const { rows } = await sql<CheckoutLine>`
    select l.variant_id, v.product_id, l.quantity, v.price, (v.price * l.quantity) as line_total,
           p.title, v.title as variant_title, v.sku, (p.status = 'ACTIVE' and p.published_at <= now()) as for_sale
      from cart_lines l
      join product_variants v on v.id = l.variant_id
      join products p on p.id = v.product_id
     where l.tenant_id = ${tenantId} and l.cart_id = ${cartId}
     order by l.variant_id`.execute(trx);
  return rows;
}
