import { sql, type Kysely, type RawBuilder } from 'kysely';
import { decodeCursor, escapeLike, GatewayError, type Page } from '../../../src/sdk';
import type { DiscountRow } from './eligibility';

const COLUMNS = sql`id, code, title, kind, value::text as value, product_ids::text[] as product_ids,
  collection_ids::text[] as collection_ids, min_subtotal::text as min_subtotal, min_quantity, starts_at, ends_at,
  usage_limit, usage_count, once_per_customer, combines, active`;

/** A discount as json carries it: its dates as text. */
export type DiscountJson = Omit<DiscountRow, 'starts_at' | 'ends_at'> & { starts_at: string; ends_at: string | null };

/**
 * Discounts matching `where`, oldest first, as one json array: ids as text, as pg reads a bigint
 * (discountRows turns their dates back into dates).
 */
const discountsJson = (where: RawBuilder<unknown>) => sql<DiscountJson[]>`(
  select coalesce(json_agg(to_jsonb(d) || jsonb_build_object('id', d.id::text) order by d.id), '[]')
    from (select ${COLUMNS} from discounts where ${where}) d)`;

/** The active discounts without a code (automatic), as json (discountsJson). */
export const automaticDiscountsJson = (tenantId: string) =>
  discountsJson(sql`tenant_id = ${tenantId} and active and code is null`);

/** Discounts by code, case-insensitively, as json (discountsJson). */
export const codedDiscountsJson = (tenantId: string, codes: readonly string[]) =>
  discountsJson(
    sql`tenant_id = ${tenantId} and upper(code) = any(${sql.val(codes.map((c) => c.toUpperCase()))}::text[])`,
  );

export const discountRows = (discounts: readonly DiscountJson[]): DiscountRow[] =>
  discounts.map((d) => ({
    ...d,
    starts_at: new Date(d.starts_at),
    ends_at: d.ends_at === null ? null : new Date(d.ends_at),
  }));

export async function discountsByIds<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids: readonly string[],
): Promise<DiscountRow[]> {
  const { rows } = await sql<DiscountRow>`select ${COLUMNS} from discounts
    where tenant_id = ${tenantId} and id = any(${sql.val([...ids])}::bigint[]) order by id`.execute(conn);
  return rows;
}

const matching = (query: string | null) =>
  query
    ? sql`and (code ilike ${`%${escapeLike(query)}%`} escape '\\' or title ilike ${`%${escapeLike(query)}%`} escape '\\')`
    : sql``;

/** The id a discounts cursor names (cursors are `[id]`). */
function cursorId(cursor: string): string {
  const [id] = decodeCursor(cursor, 1);
  if (typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this list', { argument: 'cursor' });
  }
  return id;
}

/**
 * The admin's list, one page of it: newest first, optionally matching a code or title; `page.size + 1`
 * rows in page order (connectionOf).
 */
export async function searchDiscounts<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  query: string | null,
  page: Page,
): Promise<DiscountRow[]> {
  const past = page.cursor
    ? page.backward
      ? sql`and id > ${cursorId(page.cursor)}::bigint`
      : sql`and id < ${cursorId(page.cursor)}::bigint`
    : sql``;
  const { rows } = await sql<DiscountRow>`select ${COLUMNS} from discounts
    where tenant_id = ${tenantId} ${matching(query)} ${past}
    order by id ${page.backward ? sql`asc` : sql`desc`} limit ${page.size + 1}`.execute(conn);
  if (page.backward) rows.reverse();
  return rows;
}

/** How many discounts match the query. */
export async function countDiscounts<DB>(conn: Kysely<DB>, tenantId: string, query: string | null): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from discounts
    where tenant_id = ${tenantId} ${matching(query)}`.execute(conn);
  return rows[0].n;
}

/** The collections of each product, for discounts on collections; one statement. */
export async function collectionsOfProducts<DB>(conn: Kysely<DB>, tenantId: string, productIds: readonly string[]) {
  const { rows } = await sql<{ product_id: string; collection_id: string }>`
    select product_id, collection_id from collection_products
     where tenant_id = ${tenantId} and product_id = any(${sql.val([...productIds])}::bigint[])`.execute(conn);
  return rows;
}

/**
 * Of these emails, the once-per-customer discounts each already used (a use keeps the buyer's email
 * only for such discounts); one statement, by the unique index of (tenant, discount, email).
 */
export async function discountsUsedBy<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  emails: readonly string[],
): Promise<Map<string, Set<string>>> {
  const used = new Map(emails.map((e) => [e, new Set<string>()]));
  if (emails.length === 0) return used;
  const { rows } = await sql<{ email: string; discount_id: string }>`
    select distinct email, discount_id from discount_usages
     where tenant_id = ${tenantId} and email = any(${sql.val([...emails])}::text[])
       and discount_id in (select id from discounts where tenant_id = ${tenantId} and once_per_customer)`.execute(conn);
  for (const row of rows) used.get(row.email)?.add(row.discount_id);
  return used;
}
