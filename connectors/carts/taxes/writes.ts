import { sql, type Kysely } from 'kysely';
import { UserErrors, attemptWrites, type TenantDb, type UserError as SdkUserError } from '../../../src/sdk';
import { COUNTRY_CODES, PROVINCES } from '../delivery/countries';
import type { UserError } from '../validation';
import type { TaxRateRow } from './calculator';
import { loadTaxRates } from './store';

export interface TaxRateInput {
  countryCode?: string | null;
  provinceCode?: string | null;
  title?: string | null;
  ratePercentage?: string | null;
  appliesToShipping?: boolean | null;
}

type Result = { rate: TaxRateRow | null; userErrors: UserError[] };
const notFound: SdkUserError[] = [{ field: ['id'], code: 'NOT_FOUND', message: 'Tax rate not found' }];
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** Problems at their input paths; the province is checked against the country it ends up with. */
function inputErrors(input: TaxRateInput, country: string | null, creating: boolean): UserError[] {
  const errors: UserError[] = [];
  const at = (name: string) => ['input', name];
  if (creating || input.countryCode != null) {
    if (!country || !COUNTRY_CODES.has(country))
      errors.push({ field: at('countryCode'), code: 'INVALID', message: 'countryCode must be ISO 3166-1 alpha-2' });
  }
  if (input.provinceCode != null && country && !PROVINCES[country]?.has(input.provinceCode)) {
    errors.push({ field: at('provinceCode'), code: 'INVALID', message: `Unknown province of ${country}` });
  }
  if ((creating || input.title != null) && (!input.title?.trim() || input.title.length > 255)) {
    errors.push({ field: at('title'), code: 'BLANK', message: 'title must be 1 to 255 characters' });
  }
  const rate = input.ratePercentage;
  if (creating || rate != null) {
    if (rate == null || !PERCENT.test(rate) || Number(rate) > 100) {
      errors.push({
        field: at('ratePercentage'),
        code: 'INVALID',
        message: 'ratePercentage: 0 to 100, 4 decimals at most',
      });
    }
  }
  return errors;
}

const one = async (trx: Kysely<unknown>, tenantId: string, id: string) => (await loadTaxRates(trx, tenantId, [id]))[0];

export async function createTaxRate(db: TenantDb, input: TaxRateInput): Promise<Result> {
  const country = input.countryCode?.toUpperCase() ?? null;
  const errors = inputErrors(input, country, true);
  if (errors.length > 0) return { rate: null, userErrors: errors };
  const { value, userErrors } = await attemptWrites<unknown, TaxRateRow>(db, async (trx) => {
    const { rows } = await sql<{ id: string }>`
      insert into tax_rates (tenant_id, country_code, province_code, title, rate_percentage, applies_to_shipping)
      values (${db.tenantId}, ${country}, ${input.provinceCode ?? null}, ${input.title!.trim()}, ${input.ratePercentage}::numeric,
              ${input.appliesToShipping ?? false}) returning id`.execute(trx);
    return one(trx, db.tenantId, rows[0].id);
  });
  return { rate: value, userErrors };
}

export async function updateTaxRate(db: TenantDb, id: string | null, input: TaxRateInput): Promise<Result> {
  if (!id) return { rate: null, userErrors: notFound };
  const { value, userErrors } = await attemptWrites<unknown, TaxRateRow>(db, async (trx) => {
    const current = await one(trx, db.tenantId, id);
    if (!current) throw new UserErrors(notFound);
    const country = input.countryCode?.toUpperCase() ?? current.country_code;
    const errors = inputErrors(input, country, false);
    if (errors.length > 0) throw new UserErrors(errors as SdkUserError[]);
    const province = input.provinceCode !== undefined ? input.provinceCode : current.province_code;
    await sql`update tax_rates set country_code = ${country}, province_code = ${province},
        title = coalesce(${input.title?.trim() ?? null}, title),
        rate_percentage = coalesce(${input.ratePercentage ?? null}::numeric, rate_percentage),
        applies_to_shipping = coalesce(${input.appliesToShipping ?? null}::boolean, applies_to_shipping), updated_at = now()
      where tenant_id = ${db.tenantId} and id = ${id}`.execute(trx);
    return one(trx, db.tenantId, id);
  });
  return { rate: value, userErrors };
}

export async function deleteTaxRate(
  db: TenantDb,
  id: string | null,
): Promise<{ deleted: boolean; userErrors: UserError[] }> {
  if (!id) return { deleted: false, userErrors: notFound };
  const { value, userErrors } = await attemptWrites<unknown, boolean>(
    db,
    async (trx) => {
      const result = await sql`delete from tax_rates where tenant_id = ${db.tenantId} and id = ${id}`.execute(trx);
      if (Number(result.numAffectedRows ?? 0) === 0) throw new UserErrors(notFound);
      return true;
    },
    undefined,
    'sole',
  );
  return { deleted: value ?? false, userErrors };
}

/** Marks a customer exempt from tax, or not. */
export async function setCustomerTaxExempt(
  db: TenantDb,
  customerId: string | null,
  exempt: boolean,
): Promise<{ customerId: string | null; userErrors: UserError[] }> {
  const missing: SdkUserError[] = [{ field: ['customerId'], code: 'NOT_FOUND', message: 'Customer not found' }];
  if (!customerId) return { customerId: null, userErrors: missing };
  const { value, userErrors } = await attemptWrites<unknown, string>(db, async (trx) => {
    const { rows } = await sql`select 1 from customers where tenant_id = ${db.tenantId} and id = ${customerId}`.execute(
      trx,
    );
    if (rows.length === 0) throw new UserErrors(missing);
    if (exempt) {
      await sql`insert into tax_exempt_customers (tenant_id, customer_id) values (${db.tenantId}, ${customerId})
        on conflict do nothing`.execute(trx);
    } else {
      await sql`delete from tax_exempt_customers where tenant_id = ${db.tenantId} and customer_id = ${customerId}`.execute(
        trx,
      );
    }
    return customerId;
  });
  return { customerId: value, userErrors };
}
