import { sql, type Kysely } from 'kysely';
import type { TaxRateRow } from './calculator';

/** The tenant's tax rates, by country and province; one statement. */
export async function loadTaxRates<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids?: readonly string[],
): Promise<TaxRateRow[]> {
  const only = ids ? sql`and id = any(${sql.val([...ids])}::bigint[])` : sql``;
  const { rows } = await sql<TaxRateRow>`
    select id, country_code, province_code, title, rate_percentage::text as rate_percentage, applies_to_shipping
      from tax_rates where tenant_id = ${tenantId} ${only}
     order by country_code, province_code nulls first, id`.execute(conn);
  return rows;
}

/** Of these emails, those of customers exempt from tax; one statement. */
export async function exemptEmails<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const { rows } = await sql<{ email: string }>`
    select c.email from tax_exempt_customers x join customers c on c.id = x.customer_id and c.tenant_id = x.tenant_id
     where x.tenant_id = ${tenantId} and c.email = any(${sql.val([...emails])}::text[])`.execute(conn);
  return new Set(rows.map((r) => r.email));
}

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
