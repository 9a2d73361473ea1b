import { sql } from 'kysely';
import { fromExcluded } from '../../src/sdk/db';
import type { CollectionRecord, ProductRecord, VariantRecord } from './records';
import { SOURCE, type ShopifyTrx } from './tables';
import { buryRecord, lockRecords, withoutBuried } from './tombstones';
import { notOlder } from './versions';

/** External id -> our id, for the rows just written. */
export type IdMap = Map<string, string>;

/**
 * Writes whole products (with their variants and collection memberships when the record carries
 * them) inside the caller's transaction, so a product is never half written. Variants that Shopify
 * no longer lists are removed; min/max price follow the variants. A product older than the stored
 * version, or deleted since, is skipped with its variants and memberships. Returns the ids of the
 * products written.
 */
export async function upsertProducts(trx: ShopifyTrx, tenantId: string, records: ProductRecord[]): Promise<IdMap> {
  await lockRecords(
    trx,
    tenantId,
    records.map((p) => p.externalId),
  );
  const products = await withoutBuried(trx, tenantId, records);
  if (products.length === 0) return new Map();
  const rows = await trx
    .insertInto('products')
    .values(
      products.map((p) => ({
        tenant_id: tenantId,
        source: SOURCE,
        external_id: p.externalId,
        handle: p.handle,
        title: p.title,
        description: p.description,
        vendor: p.vendor,
        product_type: p.productType,
        tags: p.tags,
        status: p.status,
        published_at: p.status === 'ACTIVE' ? p.createdAt : null,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
        shopify_updated_at: p.updatedAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'source', 'external_id'])
        .doUpdateSet({
          ...fromExcluded([
            'handle',
            'title',
            'description',
            'vendor',
            'product_type',
            'tags',
            'status',
            'updated_at',
            'shopify_updated_at',
          ]),
          published_at: sql`case when excluded.status = 'ACTIVE' then coalesce(products.published_at, excluded.published_at) end`,
        })
        .where(notOlder('products')),
    )
    .returning(['id', 'external_id'])
    .execute();
  const ids: IdMap = new Map(rows.map((r) => [r.external_id!, r.id]));
  const written = products.filter((p) => ids.has(p.externalId));
  const withVariants = written.filter((p) => p.variants);
  await upsertVariants(
    trx,
    tenantId,
    withVariants.flatMap((p) => p.variants!.map((v) => ({ productId: ids.get(p.externalId)!, variant: v }))),
    withVariants.map((p) => ids.get(p.externalId)!),
  );
  const withCollections = written.filter((p) => p.collections);
  if (withCollections.length > 0) await linkCollections(trx, tenantId, withCollections, ids);
  return ids;
}

/**
 * Upserts variants (a variant older than the stored version is left as it is); for `replaceFor`
 * products, also deletes their Shopify variants not listed here. Then refreshes the price range of
 * every product touched.
 */
export async function upsertVariants(
  trx: ShopifyTrx,
  tenantId: string,
  variants: { productId: string; variant: VariantRecord }[],
  replaceFor: string[] = [],
): Promise<number> {
  if (variants.length > 0) {
    await trx
      .insertInto('product_variants')
      .values(
        variants.map(({ productId, variant: v }) => ({
          tenant_id: tenantId,
          source: SOURCE,
          external_id: v.externalId,
          product_id: productId,
          title: v.title,
          sku: v.sku,
          price: v.price,
          compare_at_price: v.compareAtPrice,
          option_values: v.optionValues,
          position: v.position,
          external_inventory_item_id: v.inventoryItemId,
          created_at: v.createdAt,
          updated_at: v.updatedAt,
          shopify_updated_at: v.updatedAt,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'source', 'external_id'])
          .doUpdateSet(
            fromExcluded([
              'product_id',
              'title',
              'sku',
              'price',
              'compare_at_price',
              'option_values',
              'position',
              'external_inventory_item_id',
              'updated_at',
              'shopify_updated_at',
            ]),
          )
          .where(notOlder('product_variants')),
      )
      .execute();
  }
  if (replaceFor.length > 0) {
    const keep = variants.map((v) => v.variant.externalId);
    await trx
      .deleteFrom('product_variants')
      .where('tenant_id', '=', tenantId)
      .where('product_id', 'in', replaceFor)
      .where('source', '=', SOURCE)
      .$if(keep.length > 0, (q) => q.where('external_id', 'not in', keep))
      .execute();
  }
  const touched = [...new Set([...replaceFor, ...variants.map((v) => v.productId)])];
  if (touched.length > 0) {
    await sql`update products p set min_price = coalesce(v.lo, 0), max_price = coalesce(v.hi, 0)
      from (select p2.id, min(pv.price) lo, max(pv.price) hi from products p2
            left join product_variants pv on pv.product_id = p2.id
            where p2.tenant_id = ${tenantId} and p2.id in (${sql.join(touched)}) group by p2.id) v
      where p.id = v.id`.execute(trx);
  }
  return variants.length;
}

/** Upserts the collections named by these products and makes each product's memberships match. */
async function linkCollections(trx: ShopifyTrx, tenantId: string, products: ProductRecord[], ids: IdMap) {
  const byId = new Map<string, CollectionRecord>();
  for (const p of products) for (const c of p.collections!) byId.set(c.externalId, c);
  const collectionIds = await upsertCollections(trx, tenantId, [...byId.values()]);
  const productIds = products.map((p) => ids.get(p.externalId)!);
  await trx
    .deleteFrom('collection_products')
    .where('tenant_id', '=', tenantId)
    .where('product_id', 'in', productIds)
    .where('collection_id', 'in', trx.selectFrom('collections').select('id').where('source', '=', SOURCE))
    .execute();
  const links = products.flatMap((p) =>
    p.collections!.map((c) => ({
      tenant_id: tenantId,
      collection_id: collectionIds.get(c.externalId)!,
      product_id: ids.get(p.externalId)!,
      position: 0,
    })),
  );
  if (links.length > 0) {
    await trx
      .insertInto('collection_products')
      .values(links)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function upsertCollections(
  trx: ShopifyTrx,
  tenantId: string,
  collections: CollectionRecord[],
): Promise<IdMap> {
  if (collections.length === 0) return new Map();
  const rows = await trx
    .insertInto('collections')
    .values(
      collections.map((c) => ({
        tenant_id: tenantId,
        source: SOURCE,
        external_id: c.externalId,
        handle: c.handle,
        title: c.title,
        published_at: c.updatedAt,
        updated_at: c.updatedAt,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'source', 'external_id']).doUpdateSet(fromExcluded(['handle', 'title', 'updated_at'])),
    )
    .returning(['id', 'external_id'])
    .execute();
  return new Map(rows.map((r) => [r.external_id!, r.id]));
}

/** Our ids of the given Shopify ids in a sourced table (absent ones are missing from the map). */
export async function idsOf(
  trx: ShopifyTrx,
  tenantId: string,
  table: 'products' | 'product_variants' | 'customers' | 'locations' | 'orders',
  externalIds: (string | null)[],
): Promise<IdMap> {
  const wanted = [...new Set(externalIds.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await trx
    .selectFrom(table)
    .select(['id', 'external_id'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', SOURCE)
    .where('external_id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.external_id!, r.id]));
}

/**
 * Deletes a product unless it was updated in Shopify after `asOf` (the delete's trigger time), and
 * keeps a tombstone so that a version from before the delete, arriving later, is not written.
 */
export async function deleteProduct(
  trx: ShopifyTrx,
  tenantId: string,
  externalId: string,
  asOf: Date | null,
): Promise<number> {
  await lockRecords(trx, tenantId, [externalId]);
  await buryRecord(trx, tenantId, externalId, asOf);
  const res = await trx
    .deleteFrom('products')
    .where('tenant_id', '=', tenantId)
    .where('source', '=', SOURCE)
    .where('external_id', '=', externalId)
    .$if(asOf !== null, (q) =>
      q.where((eb) => eb.or([eb('shopify_updated_at', 'is', null), eb('shopify_updated_at', '<=', asOf!)])),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
