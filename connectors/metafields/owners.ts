import { sql, type Kysely } from 'kysely';
import { encodeGlobalId, parseGlobalId } from '../../src/sdk';
import { OWNER_TYPES, type OwnerType } from './tables';

/** Each owner type's GraphQL type and table (owned by the catalog, customers and orders plugins). */
export const OWNERS: Record<OwnerType, { graphqlType: string; table: string }> = {
  PRODUCT: { graphqlType: 'Product', table: 'products' },
  PRODUCTVARIANT: { graphqlType: 'ProductVariant', table: 'product_variants' },
  COLLECTION: { graphqlType: 'Collection', table: 'collections' },
  CUSTOMER: { graphqlType: 'Customer', table: 'customers' },
  ORDER: { graphqlType: 'Order', table: 'orders' },
};

export interface Owner {
  type: OwnerType;
  id: string;
}

/** The owner a global id names, or null when it names no kind of record that carries metafields. */
export function ownerOf(globalId: string): Owner | null {
  const parsed = parseGlobalId(globalId);
  const type = OWNER_TYPES.find((t) => OWNERS[t].graphqlType === parsed?.type);
  return parsed && type ? { type, id: parsed.id } : null;
}

export const ownerGlobalId = (type: OwnerType, id: string) => encodeGlobalId(OWNERS[type].graphqlType, id);

/** The loader key of an owner. */
export const ownerKey = (o: Owner) => `${o.type}:${o.id}`;

/** Which of the owners exist in the tenant: one statement per owner type present. */
export async function existingOwners(trx: object, tenantId: string, owners: readonly Owner[]) {
  const found = new Set<string>();
  for (const type of OWNER_TYPES) {
    const ids = [...new Set(owners.filter((o) => o.type === type).map((o) => o.id))];
    if (ids.length === 0) continue;
    const { rows } = await sql<{ id: string }>`select id::text as id from ${sql.table(OWNERS[type].table)}
      where tenant_id = ${tenantId} and id = any(${ids}::bigint[])`.execute(trx as Kysely<unknown>);
    for (const row of rows) found.add(ownerKey({ type, id: row.id }));
  }
  return found;
}
