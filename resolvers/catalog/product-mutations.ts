import { encodeGlobalId, localIdOf, type GatewayContext, UserErrors } from '../../src/sdk';
import { insertOptions, type OptionFields } from '../../connectors/catalog/option-writes';
import {
  deleteProduct,
  insertProduct,
  refreshPriceRange,
  replaceImages,
  updateProduct,
  type ImageFields,
  type ProductFields,
} from '../../connectors/catalog/product-writes';
import {
  insertVariants,
  optionValueErrors,
  productOptions,
  type VariantFields,
} from '../../connectors/catalog/variant-writes';
import { Checker } from '../../connectors/catalog/validation';
import { emitProductEvent, productPayload } from '../../connectors/catalog/events';
import { attempt, notFound } from './attempt';
import { catalogElsewhere } from './elsewhere';
import { forgetProduct } from './forget';
import { checkImages, checkOption, checkProduct, checkVariant, inCurrencyDigits } from './input-checks';
import type { MutationResolvers } from '../generated/resolvers-types';

interface ProductCreateInput extends ProductFields {
  title: string;
  options?: OptionFields[] | null;
  variants?: VariantFields[] | null;
  images?: ImageFields[] | null;
}

interface ProductUpdateInput extends ProductFields {
  id: string;
  images?: ImageFields[] | null;
}

function checkCreate(input: ProductCreateInput, currency: string): Checker {
  const c = new Checker();
  checkProduct(c, ['input'], input, true);
  input.options?.forEach((o, i) => checkOption(c, ['input', 'options', String(i)], o, true));
  if (input.variants && input.variants.length > 100) c.add(['input', 'variants'], 'TOO_LONG', 'At most 100 variants');
  input.variants?.forEach((v, i) => checkVariant(c, ['input', 'variants', String(i)], v, currency));
  checkImages(c, ['input', 'images'], input.images);
  return c;
}

export const productMutations: MutationResolvers = {
  productCreate: async (_: unknown, { input }: { input: ProductCreateInput }, ctx: GatewayContext) => {
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const currency = ctx.tenant.currency;
      checkCreate(input, currency).done();
      const tenantId = ctx.db.tenantId;
      const product = await insertProduct(trx, tenantId, input);
      await insertOptions(trx, tenantId, product.id, input.options ?? [], ['input', 'options']);
      const options = await productOptions(trx, tenantId, product.id);
      const variants = input.variants?.length
        ? input.variants.map((v) => inCurrencyDigits(v, currency))
        : [{ optionValues: options.map((o) => o.values[0]) }];
      const errors = variants.flatMap((v, i) =>
        optionValueErrors(['input', 'variants', String(i), 'optionValues'], v.optionValues ?? [], options),
      );
      if (errors.length > 0) throw new UserErrors(errors);
      await insertVariants(trx, tenantId, product.id, variants);
      await replaceImages(trx, tenantId, product.id, input.images ?? []);
      const created = await refreshPriceRange(trx, tenantId, product.id);
      await emitProductEvent(trx, tenantId, 'PRODUCTS_CREATE', productPayload(created));
      return created;
    });
    return { product: value, userErrors };
  },

  productUpdate: async (_: unknown, { input }: { input: ProductUpdateInput }, ctx: GatewayContext) => {
    const elsewhere = await catalogElsewhere(
      ctx,
      'Product',
      'productUpdate',
      { gid: input.id, field: ['input', 'id'] },
      { input },
    );
    if (elsewhere) return { product: elsewhere.value?.product ?? null, userErrors: elsewhere.userErrors };
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const c = new Checker();
      checkProduct(c, ['input'], input, false);
      checkImages(c, ['input', 'images'], input.images);
      c.done();
      const id = localIdOf(input.id, 'Product');
      const row = id ? await updateProduct(trx, ctx.db.tenantId, id, input) : null;
      if (!row) throw notFound(['input', 'id'], 'Product');
      if (input.images) await replaceImages(trx, ctx.db.tenantId, row.id, input.images);
      await emitProductEvent(trx, ctx.db.tenantId, 'PRODUCTS_UPDATE', productPayload(row));
      forgetProduct(ctx, row.id);
      return row;
    });
    return { product: value, userErrors };
  },

  productDelete: async (_: unknown, { input }: { input: { id: string } }, ctx: GatewayContext) => {
    const elsewhere = await catalogElsewhere(
      ctx,
      'Product',
      'productDelete',
      { gid: input.id, field: ['input', 'id'] },
      { input },
    );
    if (elsewhere) return { deletedProductId: null, userErrors: elsewhere.userErrors };
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const id = localIdOf(input.id, 'Product');
      if (!id || !(await deleteProduct(trx, ctx.db.tenantId, id))) throw notFound(['input', 'id'], 'Product');
      await emitProductEvent(trx, ctx.db.tenantId, 'PRODUCTS_DELETE', { id: encodeGlobalId('Product', id) });
      forgetProduct(ctx, id);
      return encodeGlobalId('Product', id);
    });
    return { deletedProductId: value, userErrors };
  },
};
