import { localIdOf, writeElsewhere, type GatewayContext, type RecordKind } from '../../src/sdk';
import type { CollectionRow, ProductRow, VariantRow } from '../../connectors/catalog/tables';
import { forgetProduct } from './forget';

/** The catalog rows a payload shows after a write-through. */
export interface CatalogReread {
  product?: ProductRow | null;
  variant?: VariantRow | null;
  collection?: CollectionRow | null;
}

/**
 * Asks the tenant's systems of record about a catalog mutation before it writes (src/sdk/system-of-record.ts):
 * null when the record is ours; otherwise the answer, with the record re-read after a write-through.
 */
export function catalogElsewhere<K extends 'Product' | 'ProductVariant' | 'Collection'>(
  ctx: GatewayContext,
  kind: K,
  mutation: string,
  target: { gid: string; field: string[] },
  args: Record<string, unknown>,
) {
  const change = { kind: kind as RecordKind, id: localIdOf(target.gid, kind), mutation, args, field: target.field };
  return writeElsewhere(ctx, change, (id) => reread(ctx, kind, id));
}

async function reread(
  ctx: GatewayContext,
  kind: 'Product' | 'ProductVariant' | 'Collection',
  id: string,
): Promise<CatalogReread> {
  const l = ctx.loaders;
  if (kind === 'Product') {
    forgetProduct(ctx, id);
    return { product: await l.productById.load(id) };
  }
  if (kind === 'Collection') {
    l.collectionById.clear(id);
    return { collection: await l.collectionById.load(id) };
  }
  l.variantById.clear(id);
  const variant = await l.variantById.load(id);
  if (variant) forgetProduct(ctx, variant.product_id);
  return { variant, product: variant ? await l.productById.load(variant.product_id) : null };
}
