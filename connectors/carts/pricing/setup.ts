import { sql, type Kysely } from 'kysely';
import type { ZoneWithRates } from '../delivery/options';
import { zonesJson } from '../delivery/zones';
import type { DiscountRow } from '../discounts/eligibility';
import { automaticDiscountsJson, discountRows, type DiscountJson } from '../discounts/store';
import type { TaxRateRow } from '../taxes/calculator';
import { taxRatesJson } from '../taxes/store';

/**
 * What every quote needs of the shop's setup: its shipping zones, tax rates and automatic discounts
 * (those of the cart's codes depend on the cart).
 */
export interface PricingSetup {
  zones: ZoneWithRates[];
  rates: TaxRateRow[];
  automatic: DiscountRow[];
}

/**
 * The tenant's zones (as loadZones answers them), tax rates (as loadTaxRates does) and automatic
 * discounts in one statement.
 */
export async function loadPricingSetup<DB>(conn: Kysely<DB>, tenantId: string): Promise<PricingSetup> {
  const { rows } = await sql<Omit<PricingSetup, 'automatic'> & { automatic: DiscountJson[] }>`
    select ${zonesJson(tenantId)} as zones, ${taxRatesJson(tenantId)} as rates,
      ${automaticDiscountsJson(tenantId)} as automatic`.execute(conn);
  return { ...rows[0], automatic: discountRows(rows[0].automatic) };
}
