import { sql, type Kysely } from 'kysely';
import { freeHandle } from './handles';
import type { CatalogTables, CollectionRow } from './tables';
import { slugify } from './validation';
import { deleteRow, updateRow } from '../../src/sdk/db';

export interface CollectionFields {
  title?: string | null;
  handle?: string | null;
  description?: string | null;
  published?: boolean | null;
}

type Trx = Kysely<CatalogTables>;

function columns(fields: CollectionFields) {
  const set: Record<string, unknown> = {};
  if (fields.title != null) set.title = fields.title.trim();
  if (fields.handle != null) set.handle = fields.handle;
  if (fields.description != null) set.description = fields.description;
  if (fields.published === true) set.published_at = sql`coalesce(published_at, now())`;
  if (fields.published === false) set.published_at = null;
  return set;
}

export async function insertCollection(trx: Trx, tenantId: string, fields: CollectionFields & { title: string }) {
  const handle = fields.handle ?? (await freeHandle(trx, 'collections', tenantId, slugify(fields.title)));
  const { published_at: _p, ...set } = columns(fields);
  return trx
    .insertInto('collections')
    .values({ ...set, tenant_id: tenantId, handle, published_at: fields.published ? sql`now()` : null } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateCollection(trx: Trx, tenantId: string, id: string, fields: CollectionFields) {
  return updateRow<CollectionRow>(trx, 'collections', tenantId, id, columns(fields));
}

export function deleteCollection(trx: Trx, tenantId: string, id: string): Promise<boolean> {
  return deleteRow(trx, 'collections', tenantId, id);
}

/** Which of the given product ids exist in the tenant. */
export async function existingProductIds(trx: Trx, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom('products')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Adds products after the collection's last position; members already in it stay where they are. */
export async function addMembers(trx: Trx, tenantId: string, collectionId: string, productIds: readonly string[]) {
  if (productIds.length === 0) return;
  await sql`insert into collection_products (tenant_id, collection_id, product_id, position)
    select ${tenantId}, ${collectionId}, u.id,
      coalesce((select max(position) from collection_products
        where tenant_id = ${tenantId} and collection_id = ${collectionId}), 0) + u.n
    from unnest(${[...productIds]}::bigint[]) with ordinality as u(id, n)
    on conflict (collection_id, product_id) do nothing`.execute(trx);
  await trx
    .updateTable('collections')
    .set({ updated_at: sql`now()` } as never)
    .where('id', '=', collectionId)
    .execute();
}

export async function removeMembers(trx: Trx, tenantId: string, collectionId: string, productIds: readonly string[]) {
  await trx
    .deleteFrom('collection_products')
    .where('tenant_id', '=', tenantId)
    .where('collection_id', '=', collectionId)
    .where('product_id', '=', (eb) => eb.fn.any(eb.val([...productIds])))
    .execute();
  await trx
    .updateTable('collections')
    .set({ updated_at: sql`now()` } as never)
    .where('id', '=', collectionId)
    .execute();
}
