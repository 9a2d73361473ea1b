import DataLoader from 'dataloader';
import { sql, type Kysely } from 'kysely';
import type { LoaderContext } from '../../src/sdk';
import { groupBy } from '../../src/sdk/db';
import { ownerKey } from './owners';
import { OWNER_TYPES, type DefinitionRow, type MetafieldRow, type MetafieldTables } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    /** Every metafield of an owner (`PRODUCT:12`), with its definition's id and storefront visibility. */
    metafieldsByOwner: DataLoader<string, MetafieldRow[]>;
    metafieldDefinitionById: DataLoader<string, DefinitionRow | null>;
  }
}

/** The values of many owners of one type, each with what its definition says: one statement. */
export async function metafieldsOfOwners(
  conn: Kysely<MetafieldTables>,
  tenantId: string,
  ownerType: string,
  ownerIds: readonly string[],
): Promise<MetafieldRow[]> {
  const { rows } = await sql<MetafieldRow>`
    select m.id::text as id, m.tenant_id, m.owner_type, m.owner_id::text as owner_id, m.namespace, m.key, m.type,
           m.value, m.created_at, m.updated_at, d.id::text as definition_id,
           coalesce(d.storefront_access = 'PUBLIC_READ', false) as storefront_visible
      from metafields m
      left join metafield_definitions d
        on d.tenant_id = m.tenant_id and d.owner_type = m.owner_type and d.namespace = m.namespace and d.key = m.key
     where m.tenant_id = ${tenantId} and m.owner_type = ${ownerType} and m.owner_id = any(${ownerIds}::bigint[])
     order by m.owner_id, m.namespace, m.key`.execute(conn);
  return rows;
}

/** Per query level, one statement for the metafields of all the owners of a type. */
export function createMetafieldLoaders({ db, guardBatch }: LoaderContext) {
  return {
    metafieldsByOwner: new DataLoader<string, MetafieldRow[]>(
      guardBatch(async (keys) => {
        const conn = await db.get<MetafieldTables>();
        const found = new Map<string, MetafieldRow[]>();
        for (const type of OWNER_TYPES) {
          const ids = keys.filter((k) => k.startsWith(`${type}:`)).map((k) => k.slice(type.length + 1));
          if (ids.length === 0) continue;
          const rows = await metafieldsOfOwners(conn, db.tenantId, type, ids);
          for (const [key, list] of groupBy(rows, (r) => ownerKey({ type, id: r.owner_id }))) found.set(key, list);
        }
        return keys.map((k) => found.get(k) ?? []);
      }),
    ),
    metafieldDefinitionById: new DataLoader<string, DefinitionRow | null>(
      guardBatch(async (ids) => {
        const conn = await db.get<MetafieldTables>();
        const rows = await conn
          .selectFrom('metafield_definitions')
          .selectAll()
          .where('tenant_id', '=', db.tenantId)
          .where('id', 'in', [...ids])
          .execute();
        const byId = new Map(rows.map((r) => [String(r.id), r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
  };
}
