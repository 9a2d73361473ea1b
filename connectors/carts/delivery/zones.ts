import { sql, type Kysely } from 'kysely';
import type { ZoneWithRates } from './options';

/** A zone's rates (zone `z`) as json, oldest first; amounts and ids as text (json would make numerics floats). */
const zoneRatesJson = sql`(select coalesce(json_agg(json_build_object(
    'id', r.id::text, 'zone_id', r.zone_id::text, 'handle', r.handle, 'title', r.title, 'kind', r.kind,
    'price', r.price::text, 'min_weight_grams', r.min_weight_grams, 'max_weight_grams', r.max_weight_grams,
    'min_subtotal', r.min_subtotal::text, 'max_subtotal', r.max_subtotal::text, 'free_above', r.free_above::text,
    'min_delivery_days', r.min_delivery_days, 'max_delivery_days', r.max_delivery_days) order by r.id), '[]')
  from shipping_rates r where r.tenant_id = z.tenant_id and r.zone_id = z.id)`;

/**
 * The tenant's shipping zones (those of `ids`, when given) with their rates, oldest first, as one json
 * array: an expression a statement can carry beside others (pricing/setup.ts).
 */
export const zonesJson = (tenantId: string, ids?: readonly string[]) => sql<ZoneWithRates[]>`(
  select coalesce(json_agg(json_build_object(
      'id', z.id::text, 'name', z.name, 'regions', z.regions, 'rates', ${zoneRatesJson}) order by z.id), '[]')
    from shipping_zones z
   where z.tenant_id = ${tenantId} ${ids ? sql`and z.id = any(${sql.val([...ids])}::bigint[])` : sql``})`;

/** The tenant's shipping zones with their rates, oldest first, in one statement. */
export async function loadZones<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids?: readonly string[],
): Promise<ZoneWithRates[]> {
  const { rows } = await sql<{ zones: ZoneWithRates[] }>`select ${zonesJson(tenantId, ids)} as zones`.execute(conn);
  return rows[0].zones;
}
