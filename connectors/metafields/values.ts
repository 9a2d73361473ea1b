import { sql, type Kysely } from 'kysely';
import type { MetafieldTables, MetafieldsTable, OwnerType } from './tables';
import type { Selectable } from 'kysely';

type Trx = Kysely<MetafieldTables>;

export interface ValueWrite {
  ownerType: OwnerType;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/** Inserts or replaces the values, in one statement; rows come back in the order given. */
export async function upsertValues(
  trx: Trx,
  tenantId: string,
  writes: readonly ValueWrite[],
): Promise<Selectable<MetafieldsTable>[]> {
  if (writes.length === 0) return [];
  const rows = await trx
    .insertInto('metafields')
    .values(
      writes.map((w) => ({
        tenant_id: tenantId,
        owner_type: w.ownerType,
        owner_id: w.ownerId,
        namespace: w.namespace,
        key: w.key,
        type: w.type,
        value: w.value,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'owner_type', 'owner_id', 'namespace', 'key']).doUpdateSet({
        type: (eb) => eb.ref('excluded.type'),
        value: (eb) => eb.ref('excluded.value'),
        updated_at: sql<Date>`now()`,
      }),
    )
    .returningAll()
    .execute();
  const at = (r: { owner_type: string; owner_id: string; namespace: string; key: string }) =>
    `${r.owner_type}:${String(r.owner_id)}:${r.namespace}:${r.key}`;
  const byKey = new Map(rows.map((r) => [at(r), r]));
  return writes.map((w) =>
    byKey.get(at({ owner_type: w.ownerType, owner_id: w.ownerId, namespace: w.namespace, key: w.key }))!,
  );
}

export type ValueKey = Omit<ValueWrite, 'type' | 'value'>;

/** Deletes the values named; returns which existed (one statement). */
export async function deleteValues(trx: Trx, tenantId: string, keys: readonly ValueKey[]): Promise<boolean[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<{ owner_type: string; owner_id: string; namespace: string; key: string }>`
    delete from metafields m
     using unnest(${keys.map((k) => k.ownerType)}::text[], ${keys.map((k) => k.ownerId)}::bigint[],
                  ${keys.map((k) => k.namespace)}::text[], ${keys.map((k) => k.key)}::text[])
           as k(owner_type, owner_id, namespace, key)
     where m.tenant_id = ${tenantId} and m.owner_type = k.owner_type and m.owner_id = k.owner_id
       and m.namespace = k.namespace and m.key = k.key
    returning m.owner_type, m.owner_id::text as owner_id, m.namespace, m.key`.execute(trx);
  const gone = new Set(rows.map((r) => `${r.owner_type}:${r.owner_id}:${r.namespace}:${r.key}`));
  return keys.map((k) => gone.has(`${k.ownerType}:${k.ownerId}:${k.namespace}:${k.key}`));
}
