import { sql, type Kysely } from 'kysely';
import { METAFIELD_VALUE_TYPES } from '../../src/sdk';
import type { BulkRecord } from './jsonl';
import { SOURCE, type ShopifyTrx } from './tables';

/** A metafield of a Shopify product or variant, as the bulk query gives it. */
export interface MetafieldRecord {
  /** The owner's gid (`gid://shopify/Product/1`, `gid://shopify/ProductVariant/2`). */
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/** The value types the gateway's metafields take; Shopify's others (references, ratings...) are not imported. */
const IMPORTED_TYPES = new Set<string>(METAFIELD_VALUE_TYPES);
/** The gateway's rule for namespaces and keys (app namespaces such as `$app:reviews` do not fit it). */
const NAME = /^[A-Za-z0-9_-]{2,64}$/;
const MAX_VALUE = 65_535;

export function toMetafield(n: BulkRecord): MetafieldRecord | null {
  const [ownerId, namespace, key, type, value] = [n.__parentId, n.namespace, n.key, n.type, n.value];
  if (typeof ownerId !== 'string' || typeof value !== 'string' || typeof type !== 'string') return null;
  if (typeof namespace !== 'string' || typeof key !== 'string') return null;
  if (!IMPORTED_TYPES.has(type) || !NAME.test(namespace) || !NAME.test(key) || value.length > MAX_VALUE) return null;
  return { ownerId, namespace, key, type, value };
}

/**
 * Writes the metafields of the products and variants just written (Shopify validated their values), in
 * the caller's transaction: one statement to find the owners, one to upsert. Tenants' graphs without the
 * metafields plugin have no table for them: then nothing is written.
 */
export async function upsertMetafields(trx: ShopifyTrx, tenantId: string, records: MetafieldRecord[]) {
  if (records.length === 0) return 0;
  const db = trx as unknown as Kysely<unknown>;
  const { rows: table } = await sql<{ found: boolean }>`select to_regclass('metafields') is not null as found`.execute(
    db,
  );
  if (!table[0]?.found) return 0;
  const { rows } = await sql<{ written: number }>`
    with input as (
      select * from unnest(${records.map((r) => r.ownerId)}::text[], ${records.map((r) => r.namespace)}::text[],
        ${records.map((r) => r.key)}::text[], ${records.map((r) => r.type)}::text[], ${records.map((r) => r.value)}::text[])
        as i(external_id, namespace, key, type, value)
    ), owners as (
      select 'PRODUCT' as owner_type, id, external_id from products
       where tenant_id = ${tenantId} and source = ${SOURCE} and external_id in (select external_id from input)
      union all
      select 'PRODUCTVARIANT', id, external_id from product_variants
       where tenant_id = ${tenantId} and source = ${SOURCE} and external_id in (select external_id from input)
    ), written as (
      insert into metafields (tenant_id, owner_type, owner_id, namespace, key, type, value)
      select ${tenantId}, o.owner_type, o.id, i.namespace, i.key, i.type, i.value
        from input i join owners o on o.external_id = i.external_id
      on conflict (tenant_id, owner_type, owner_id, namespace, key)
        do update set type = excluded.type, value = excluded.value, updated_at = now()
      returning 1
    )
    select count(*)::int as written from written`.execute(db);
  return rows[0]?.written ?? 0;
}
