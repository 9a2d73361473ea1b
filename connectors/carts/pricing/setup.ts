import { sql, type Kysely } from 'kysely';
import type { ZoneWithRates } from '../delivery/options';
import { zoneRatesJson } from '../delivery/zones';
import type { TaxRateRow } from '../taxes/calculator';

/** What every quote needs of the shop's setup besides discounts: its shipping zones and tax rates. */
export interface PricingSetup {
  zones: ZoneWithRates[];
  rates: TaxRateRow[];
}

/**
 * The tenant's zones (as loadZones answers them) and tax rates (as loadTaxRates does) in one statement:
 * each as json in the orders those give, ids and amounts as text.
 */
export async function loadPricingSetup<DB>(conn: Kysely<DB>, tenantId: string): Promise<PricingSetup> {
  const { rows } = await sql<PricingSetup>`
    select
      (select coalesce(json_agg(json_build_object(
          'id', z.id::text, 'name', z.name, 'regions', z.regions, 'rates', ${zoneRatesJson}) order by z.id), '[]')
         from shipping_zones z where z.tenant_id = ${tenantId}) as zones,
      (select coalesce(json_agg(json_build_object(
          'id', t.id::text, 'country_code', t.country_code, 'province_code', t.province_code, 'title', t.title,
          'rate_percentage', t.rate_percentage::text, 'applies_to_shipping', t.applies_to_shipping)
          order by t.country_code, t.province_code nulls first, t.id), '[]')
         from tax_rates t where t.tenant_id = ${tenantId}) as rates`.execute(conn);
  return rows[0];
}
