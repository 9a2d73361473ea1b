import type { UserError, WriteThroughCall } from '../../src/sdk';
import { toProduct, toVariant } from './map-graphql';
import { PRODUCT_FIELDS, VARIANT_FIELDS } from './resource-fields';
import { SOURCE, type ShopifyTrx } from './tables';
import { upsertProducts, upsertVariants } from './upsert-products';
import type { ReadOutside, ShopifyWrite } from './write-through';
import { renamed } from './write-user-errors';

type Input = Record<string, unknown>;

/** Our fields Shopify's mutation cannot take: the change is refused rather than half made. */
function unsupported(input: Input, fields: readonly string[], what: string): UserError[] {
  return fields
    .filter((f) => input[f] != null)
    .map((f) => ({
      field: ['input', f],
      code: 'MANAGED_EXTERNALLY' as const,
      message: `The ${f} of a Shopify ${what} is changed in Shopify`,
    }));
}

/** Only the fields the caller gave: an absent field is left as it is in Shopify. */
function given(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

export function productUpdate(call: WriteThroughCall): ShopifyWrite | UserError[] {
  const input = call.change.args.input as Input;
  const refused = unsupported(input, ['images'], 'product');
  if (refused.length > 0) return refused;
  return {
    document: `mutation ProductUpdate($product: ProductUpdateInput!) {
      productUpdate(product: $product) { product { ${PRODUCT_FIELDS} } userErrors { field message } } }`,
    variables: {
      product: given({
        id: call.externalId,
        title: input.title ?? undefined,
        handle: input.handle ?? undefined,
        descriptionHtml: input.description ?? undefined,
        vendor: input.vendor ?? undefined,
        productType: input.productType ?? undefined,
        tags: input.tags ?? undefined,
        status: input.status ?? undefined,
      }),
    },
    root: 'productUpdate',
    field: renamed('product', { descriptionHtml: ['description'] }),
    async apply(trx, tenantId, payload) {
      await upsertProducts(trx, tenantId, [toProduct(payload.product as Input)]);
    },
  };
}

/** The Shopify id of a variant's product and our id of it. */
async function productOfVariant(trx: ShopifyTrx, tenantId: string, variantId: string) {
  return trx
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select(['p.id', 'p.external_id'])
    .where('v.tenant_id', '=', tenantId)
    .where('p.tenant_id', '=', tenantId)
    .where('v.id', '=', variantId)
    .where('p.source', '=', SOURCE)
    .executeTakeFirst();
}

export async function productVariantUpdate(
  call: WriteThroughCall,
  read: ReadOutside,
): Promise<ShopifyWrite | UserError[]> {
  const input = call.change.args.input as Input;
  const refused = unsupported(input, ['title', 'optionValues', 'position'], 'variant');
  if (refused.length > 0) return refused;
  const product = await read((trx) => productOfVariant(trx, call.ctx.tenant.id, call.change.id));
  if (!product?.external_id) return [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'Variant not found' }];
  return {
    document: `mutation VariantsUpdate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
      productVariantsBulkUpdate(productId: $productId, variants: $variants) {
        productVariants { ${VARIANT_FIELDS} } userErrors { field message code } } }`,
    variables: {
      productId: product.external_id,
      variants: [
        given({
          id: call.externalId,
          price: input.price ?? undefined,
          compareAtPrice: input.compareAtPrice === undefined ? undefined : input.compareAtPrice,
          inventoryItem: input.sku != null ? { sku: input.sku } : undefined,
        }),
      ],
    },
    root: 'productVariantsBulkUpdate',
    field: renamed('variants', { 'inventoryItem.sku': ['sku'] }),
    async apply(trx, tenantId, payload) {
      const variants = (payload.productVariants ?? []) as Input[];
      await upsertVariants(
        trx,
        tenantId,
        variants.map((v) => ({ productId: product.id, variant: toVariant(v) })),
      );
    },
  };
}
