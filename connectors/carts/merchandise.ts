import { sql, type Kysely } from 'kysely';

/** A variant as carts see it: current price, whether its product is for sale (active and published, as the storefront sees it), and stock. */
export interface Merchandise {
  id: string;
  price: string;
  forSale: boolean;
  /** Units across all locations; null when the variant has no inventory levels (not tracked). */
  available: number | null;
}

/**
 * The tenant's variants among `ids`, one statement. Read at the SQL level from the catalog's and
 * inventory's tables (no code of theirs is imported).
 */
export async function merchandiseByIds<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, Merchandise>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; price: string; for_sale: boolean; available: string | null }>`
    select v.id, v.price, (p.status = 'ACTIVE' and p.published_at <= now()) as for_sale,
           (select sum(l.available) from inventory_levels l where l.tenant_id = v.tenant_id and l.variant_id = v.id) as available
      from product_variants v join products p on p.id = v.product_id
     where v.tenant_id = ${tenantId} and v.id = any(${sql.val([...ids])}::bigint[])`.execute(conn);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        price: r.price,
        forSale: r.for_sale,
        available: r.available === null ? null : Number(r.available),
      },
    ]),
  );
}
