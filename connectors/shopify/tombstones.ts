import { sql } from 'kysely';
import type { ShopifyTrx } from './tables';

/**
 * Makes writers of the same Shopify records (sync batches, webhook upserts, deletes) take turns until
 * the caller's transaction ends, so a tombstone read is still true when the write lands. Locks are
 * taken in sorted order: two batches sharing records cannot deadlock.
 */
export async function lockRecords(trx: ShopifyTrx, tenantId: string, externalIds: readonly string[]): Promise<void> {
  const keys = [...new Set(externalIds)].sort();
  if (keys.length === 0) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${tenantId} || ':' || k, 0))
    from (select k from unnest(${keys}::text[]) as k order by k) sorted`.execute(trx);
}

/** Records that `externalId` was deleted at `asOf` (now when unknown); keeps the later time. */
export async function buryRecord(trx: ShopifyTrx, tenantId: string, externalId: string, asOf: Date | null) {
  await trx
    .insertInto('shopify_tombstones')
    .values({ tenant_id: tenantId, external_id: externalId, deleted_at: asOf ?? sql<Date>`now()` })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'external_id'])
        .doUpdateSet({ deleted_at: sql`greatest(shopify_tombstones.deleted_at, excluded.deleted_at)` }),
    )
    .execute();
}

/** The records not deleted at or after their version (lock them first: see lockRecords). */
export async function withoutBuried<R extends { externalId: string; updatedAt: string }>(
  trx: ShopifyTrx,
  tenantId: string,
  records: R[],
): Promise<R[]> {
  if (records.length === 0) return records;
  const ids = records.map((r) => r.externalId);
  const buried = await trx
    .selectFrom('shopify_tombstones')
    .select(['external_id', 'deleted_at'])
    .where('tenant_id', '=', tenantId)
    .where('external_id', 'in', ids)
    .execute();
  if (buried.length === 0) return records;
  const deletedAt = new Map(buried.map((b) => [b.external_id, new Date(b.deleted_at).getTime()]));
  return records.filter((r) => !(Date.parse(r.updatedAt) <= (deletedAt.get(r.externalId) ?? -Infinity)));
}
