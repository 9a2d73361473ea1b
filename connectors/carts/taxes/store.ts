import { sql, type Kysely } from 'kysely';
import type { TaxRateRow } from './calculator';

/**
 * The tenant's tax rates (those of `ids`, when given), by country and province, as one json array; ids
 * and rates as text (json would turn numerics into floats).
 */
export const taxRatesJson = (tenantId: string, ids?: readonly string[]) => sql<TaxRateRow[]>`(
  select coalesce(json_agg(json_build_object(
      'id', t.id::text, 'country_code', t.country_code, 'province_code', t.province_code, 'title', t.title,
      'rate_percentage', t.rate_percentage::text, 'applies_to_shipping', t.applies_to_shipping)
      order by t.country_code, t.province_code nulls first, t.id), '[]')
    from tax_rates t
   where t.tenant_id = ${tenantId} ${ids ? sql`and t.id = any(${sql.val([...ids])}::bigint[])` : sql``})`;

/** The tenant's tax rates, by country and province; one statement. */
export async function loadTaxRates<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids?: readonly string[],
): Promise<TaxRateRow[]> {
  const { rows } = await sql<{ rates: TaxRateRow[] }>`select ${taxRatesJson(tenantId, ids)} as rates`.execute(conn);
  return rows[0].rates;
}

/** Of these emails, those of customers exempt from tax, as one json array. */
export const exemptEmailsJson = (tenantId: string, emails: readonly string[]) => sql<string[]>`(
  select coalesce(json_agg(c.email), '[]')
    from tax_exempt_customers x join customers c on c.id = x.customer_id and c.tenant_id = x.tenant_id
   where x.tenant_id = ${tenantId} and c.email = any(${sql.val([...emails])}::text[]))`;

/** Of these customers, the ones exempt from tax; one statement. */
export async function exemptCustomers<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const { rows } = await sql<{ customer_id: string }>`
    select customer_id from tax_exempt_customers
     where tenant_id = ${tenantId} and customer_id = any(${sql.val([...ids])}::bigint[])`.execute(conn);
  return new Set(rows.map((r) => r.customer_id));
}
