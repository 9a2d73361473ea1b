import { sql, type Kysely } from 'kysely';
import { UserErrors, attemptWrites, type TenantDb, type UserError as SdkUserError } from '../../../src/sdk';
import type { UserError } from '../validation';
import type { ZoneWithRates } from './options';
import { loadZones } from './zones';
import { MAX_ZONES, zoneInputErrors, type ShippingRateInput, type ShippingZoneInput } from './zone-input';

type ZoneResult = { zone: ZoneWithRates | null; userErrors: UserError[] };
const notFound: SdkUserError[] = [{ field: ['id'], code: 'NOT_FOUND', message: 'Shipping zone not found' }];

async function writeRates(trx: Kysely<unknown>, tenantId: string, zoneId: string, rates: readonly ShippingRateInput[]) {
  await sql`delete from shipping_rates where tenant_id = ${tenantId} and zone_id = ${zoneId}`.execute(trx);
  if (rates.length === 0) return;
  const values = rates.map(
    (
      r,
    ) => sql`(${tenantId}, ${zoneId}::bigint, ${r.handle}, ${r.title.trim()}, ${r.kind ?? 'FLAT'}, ${r.price}::numeric,
      ${r.minWeightGrams ?? null}::int, ${r.maxWeightGrams ?? null}::int, ${r.minSubtotal ?? null}::numeric,
      ${r.maxSubtotal ?? null}::numeric, ${r.freeAbove ?? null}::numeric, ${r.minDeliveryDays ?? null}::int,
      ${r.maxDeliveryDays ?? null}::int)`,
  );
  await sql`insert into shipping_rates (tenant_id, zone_id, handle, title, kind, price, min_weight_grams,
      max_weight_grams, min_subtotal, max_subtotal, free_above, min_delivery_days, max_delivery_days)
    values ${sql.join(values)}`.execute(trx);
}

async function written(trx: Kysely<unknown>, tenantId: string, id: string): Promise<ZoneWithRates> {
  return (await loadZones(trx, tenantId, [id]))[0];
}

export async function createZone(db: TenantDb, input: ShippingZoneInput): Promise<ZoneResult> {
  const errors = zoneInputErrors(input, true);
  if (errors.length > 0) return { zone: null, userErrors: errors };
  const { value, userErrors } = await attemptWrites<unknown, ZoneWithRates>(db, async (trx) => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from shipping_zones where tenant_id = ${db.tenantId}`.execute(trx);
    if (rows[0].n >= MAX_ZONES) {
      throw new UserErrors([{ field: ['input'], code: 'INVALID', message: `At most ${MAX_ZONES} shipping zones` }]);
    }
    const inserted = await sql<{ id: string }>`insert into shipping_zones (tenant_id, name, regions)
      values (${db.tenantId}, ${input.name!.trim()}, ${sql.val(input.regions!)}::text[]) returning id`.execute(trx);
    const id = inserted.rows[0].id;
    await writeRates(trx, db.tenantId, id, input.rates ?? []);
    return written(trx, db.tenantId, id);
  });
  return { zone: value, userErrors };
}

export async function updateZone(db: TenantDb, id: string | null, input: ShippingZoneInput): Promise<ZoneResult> {
  if (!id) return { zone: null, userErrors: notFound };
  const errors = zoneInputErrors(input, false);
  if (errors.length > 0) return { zone: null, userErrors: errors };
  const { value, userErrors } = await attemptWrites<unknown, ZoneWithRates>(db, async (trx) => {
    const updated = await sql`update shipping_zones set name = coalesce(${input.name?.trim() ?? null}, name),
        regions = coalesce(${input.regions ? sql.val(input.regions) : null}::text[], regions), updated_at = now()
      where tenant_id = ${db.tenantId} and id = ${id}`.execute(trx);
    if (Number(updated.numAffectedRows ?? 0) === 0) throw new UserErrors(notFound);
    if (input.rates) await writeRates(trx, db.tenantId, id, input.rates);
    return written(trx, db.tenantId, id);
  });
  return { zone: value, userErrors };
}

export async function deleteZone(
  db: TenantDb,
  id: string | null,
): Promise<{ deleted: boolean; userErrors: UserError[] }> {
  if (!id) return { deleted: false, userErrors: notFound };
  const { value, userErrors } = await attemptWrites<unknown, boolean>(
    db,
    async (trx) => {
      const result = await sql`delete from shipping_zones where tenant_id = ${db.tenantId} and id = ${id}`.execute(trx);
      if (Number(result.numAffectedRows ?? 0) === 0) throw new UserErrors(notFound);
      return true;
    },
    undefined,
    'sole',
  );
  return { deleted: value ?? false, userErrors };
}
