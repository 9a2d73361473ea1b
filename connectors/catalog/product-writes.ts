import { sql, type Kysely } from 'kysely';
import { freeHandle } from './handles';
import type { CatalogTables, ProductRow, ProductStatus } from './tables';
import { slugify } from './validation';
import { deleteRow, lockRow, updateRow } from '../../src/sdk/db';

export interface ProductFields {
  title?: string | null;
  handle?: string | null;
  description?: string | null;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[] | null;
  status?: ProductStatus | null;
}

export interface ImageFields {
  /** A string, or the URL object the URL scalar parses to. */
  url: string | URL;
  altText?: string | null;
}

type Trx = Kysely<CatalogTables>;

function columns(fields: ProductFields) {
  const set: Record<string, unknown> = {};
  if (fields.title != null) set.title = fields.title.trim();
  if (fields.handle != null) set.handle = fields.handle;
  if (fields.description != null) set.description = fields.description;
  if (fields.vendor != null) set.vendor = fields.vendor.trim();
  if (fields.productType != null) set.product_type = fields.productType.trim();
  if (fields.tags != null) set.tags = [...new Set(fields.tags.map((t) => t.trim()))];
  if (fields.status != null) set.status = fields.status;
  return set;
}

export async function insertProduct(trx: Trx, tenantId: string, fields: ProductFields & { title: string }) {
  const handle = fields.handle ?? (await freeHandle(trx, 'products', tenantId, slugify(fields.title)));
  const status = fields.status ?? 'DRAFT';
  return trx
    .insertInto('products')
    .values({
      ...(columns(fields) as { title: string }),
      tenant_id: tenantId,
      handle,
      status,
      published_at: status === 'ACTIVE' ? sql<Date>`now()` : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates the given fields; ACTIVE publishes (the first time). Null when the product is absent. */
export function updateProduct(trx: Trx, tenantId: string, id: string, fields: ProductFields) {
  return updateRow<ProductRow>(trx, 'products', tenantId, id, {
    ...columns(fields),
    ...(fields.status === 'ACTIVE' ? { published_at: sql`coalesce(published_at, now())` } : {}),
  });
}

export function deleteProduct(trx: Trx, tenantId: string, id: string): Promise<boolean> {
  return deleteRow(trx, 'products', tenantId, id);
}

/** Replaces a product's images, keeping the given order. */
export async function replaceImages(trx: Trx, tenantId: string, productId: string, images: readonly ImageFields[]) {
  await trx
    .deleteFrom('product_images')
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .execute();
  if (images.length === 0) return;
  await trx
    .insertInto('product_images')
    .values(
      images.map((image, i) => ({
        tenant_id: tenantId,
        product_id: productId,
        url: String(image.url),
        alt_text: image.altText ?? null,
        position: i + 1,
      })),
    )
    .execute();
}

/** Re-derives the product's price range from its variants (after any variant write); returns the row. */
export async function refreshPriceRange(trx: Trx, tenantId: string, productId: string): Promise<ProductRow> {
  return trx
    .updateTable('products')
    .set({
      min_price: sql`coalesce((select min(v.price) from product_variants v where v.tenant_id = ${tenantId} and v.product_id = ${productId}), 0)`,
      max_price: sql`coalesce((select max(v.price) from product_variants v where v.tenant_id = ${tenantId} and v.product_id = ${productId}), 0)`,
      updated_at: sql`now()`,
    } as never)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', productId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The product row locked for the rest of the transaction (serialises variant and option writes). */
export function lockProduct(trx: Trx, tenantId: string, id: string): Promise<ProductRow | null> {
  return lockRow<ProductRow>(trx, 'products', tenantId, id);
}
