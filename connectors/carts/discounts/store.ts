import { sql, type Kysely } from 'kysely';
import { escapeLike } from '../../../src/sdk';
import type { DiscountRow } from './eligibility';

const COLUMNS = sql`id, code, title, kind, value::text as value, product_ids::text[] as product_ids,
  collection_ids::text[] as collection_ids, min_subtotal::text as min_subtotal, min_quantity, starts_at, ends_at,
  usage_limit, usage_count, once_per_customer, combines, active`;

/** The active discounts without a code (automatic), oldest first. */
export async function automaticDiscounts<DB>(conn: Kysely<DB>, tenantId: string): Promise<DiscountRow[]> {
  const { rows } = await sql<DiscountRow>`select ${COLUMNS} from discounts
    where tenant_id = ${tenantId} and active and code is null order by id`.execute(conn);
  return rows;
}

/** Discounts by code, case-insensitively. */
export async function discountsByCodes<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  codes: readonly string[],
): Promise<DiscountRow[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<DiscountRow>`select ${COLUMNS} from discounts
    where tenant_id = ${tenantId} and upper(code) = any(${sql.val(codes.map((c) => c.toUpperCase()))}::text[])`.execute(
    conn,
  );
  return rows;
}

export async function discountsByIds<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids: readonly string[],
): Promise<DiscountRow[]> {
  const { rows } = await sql<DiscountRow>`select ${COLUMNS} from discounts
    where tenant_id = ${tenantId} and id = any(${sql.val([...ids])}::bigint[]) order by id`.execute(conn);
  return rows;
}

/** The admin's list: newest first, optionally matching a code or title. */
export async function searchDiscounts<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  query: string | null,
  first: number,
): Promise<DiscountRow[]> {
  const match = query
    ? sql`and (code ilike ${`%${escapeLike(query)}%`} escape '\\' or title ilike ${`%${escapeLike(query)}%`} escape '\\')`
    : sql``;
  const { rows } = await sql<DiscountRow>`select ${COLUMNS} from discounts
    where tenant_id = ${tenantId} ${match} order by id desc limit ${first}`.execute(conn);
  return rows;
}

/** The collections of each product, for discounts on collections; one statement. */
export async function collectionsOfProducts<DB>(conn: Kysely<DB>, tenantId: string, productIds: readonly string[]) {
  const { rows } = await sql<{ product_id: string; collection_id: string }>`
    select product_id, collection_id from collection_products
     where tenant_id = ${tenantId} and product_id = any(${sql.val([...productIds])}::bigint[])`.execute(conn);
  return rows;
}
