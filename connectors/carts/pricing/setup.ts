import { sql, type Kysely } from 'kysely';
import type { ZoneWithRates } from '../delivery/options';
import { zonesJson } from '../delivery/zones';
import type { TaxRateRow } from '../taxes/calculator';
import { taxRatesJson } from '../taxes/store';

/** What every quote needs of the shop's setup besides discounts: its shipping zones and tax rates. */
export interface PricingSetup {
  zones: ZoneWithRates[];
  rates: TaxRateRow[];
}

/** The tenant's zones (as loadZones answers them) and tax rates (as loadTaxRates does) in one statement. */
export async function loadPricingSetup<DB>(conn: Kysely<DB>, tenantId: string): Promise<PricingSetup> {
  const { rows } = await sql<PricingSetup>`
    select ${zonesJson(tenantId)} as zones, ${taxRatesJson(tenantId)} as rates`.execute(conn);
  return rows[0];
}
