import { sql, type Kysely } from 'kysely';
import type { ZoneWithRates } from './options';

/** A zone's rates (zone `z`) as json, oldest first; amounts and ids as text (json would make numerics floats). */
export const zoneRatesJson = sql`(select coalesce(json_agg(json_build_object(
    'id', r.id::text, 'zone_id', r.zone_id::text, 'handle', r.handle, 'title', r.title, 'kind', r.kind,
    'price', r.price::text, 'min_weight_grams', r.min_weight_grams, 'max_weight_grams', r.max_weight_grams,
    'min_subtotal', r.min_subtotal::text, 'max_subtotal', r.max_subtotal::text, 'free_above', r.free_above::text,
    'min_delivery_days', r.min_delivery_days, 'max_delivery_days', r.max_delivery_days) order by r.id), '[]')
  from shipping_rates r where r.tenant_id = z.tenant_id and r.zone_id = z.id)`;

/**
 * The tenant's shipping zones with their rates, oldest first, in one statement. Amounts and ids
 * leave Postgres as text (json would turn numerics into floats).
 */
export async function loadZones<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  ids?: readonly string[],
): Promise<ZoneWithRates[]> {
  const only = ids ? sql`and z.id = any(${sql.val([...ids])}::bigint[])` : sql``;
  const { rows } = await sql<ZoneWithRates>`
    select z.id, z.name, z.regions, ${zoneRatesJson} as rates
      from shipping_zones z
     where z.tenant_id = ${tenantId} ${only}
     order by z.id`.execute(conn);
  return rows;
}
