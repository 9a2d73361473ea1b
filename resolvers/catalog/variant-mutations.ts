import type { Kysely } from 'kysely';
import { encodeGlobalId, localIdOf, type GatewayContext, UserErrors } from '../../src/sdk';
import { emitProductEvent, productPayload } from '../../connectors/catalog/events';
import { lockProduct, refreshPriceRange } from '../../connectors/catalog/product-writes';
import type { CatalogTables } from '../../connectors/catalog/tables';
import {
  deleteVariant,
  insertVariants,
  optionValueErrors,
  productOptions,
  updateVariant,
  variantFor,
  type VariantFields,
} from '../../connectors/catalog/variant-writes';
import { Checker } from '../../connectors/catalog/validation';
import { attempt, notFound } from './attempt';
import { catalogElsewhere } from './elsewhere';
import { forgetProduct } from './forget';
import { checkVariant, inCurrencyDigits } from './input-checks';
import type { MutationResolvers } from '../generated/resolvers-types';

type Trx = Kysely<CatalogTables>;

/** The product's new price range after a variant write, and its PRODUCTS_UPDATE in the write's transaction. */
async function productChanged(trx: Trx, ctx: GatewayContext, productId: string) {
  const product = await refreshPriceRange(trx, ctx.db.tenantId, productId);
  await emitProductEvent(trx, ctx.db.tenantId, 'PRODUCTS_UPDATE', productPayload(product));
  return product;
}

/** Locks the product of a variant write (variant writes of one product run one at a time). */
async function lockedProduct(trx: Trx, ctx: GatewayContext, productId: string | null, field: string[]) {
  const product = productId ? await lockProduct(trx, ctx.db.tenantId, productId) : null;
  if (!product) throw notFound(field, 'Product');
  return product;
}

async function checkOptionValues(
  trx: Trx,
  ctx: GatewayContext,
  productId: string,
  values: string[] | null | undefined,
) {
  if (values == null) return;
  const errors = optionValueErrors(
    ['input', 'optionValues'],
    values,
    await productOptions(trx, ctx.db.tenantId, productId),
  );
  if (errors.length > 0) throw new UserErrors(errors);
}

/** The input, checked, with its prices in the shop currency's digits. */
function checked<T extends VariantFields>(input: T, currency: string): T {
  const c = new Checker();
  checkVariant(c, ['input'], input, currency);
  c.done();
  return inCurrencyDigits(input, currency);
}

export const variantMutations: MutationResolvers = {
  productVariantCreate: async (
    _: unknown,
    { input }: { input: VariantFields & { productId: string; price: string } },
    ctx: GatewayContext,
  ) => {
    const target = { gid: input.productId, field: ['input', 'productId'] };
    const elsewhere = await catalogElsewhere(ctx, 'Product', 'productVariantCreate', target, { input });
    if (elsewhere) {
      return { productVariant: null, product: elsewhere.value?.product ?? null, userErrors: elsewhere.userErrors };
    }
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const fields = checked(input, ctx.tenant.currency);
      const product = await lockedProduct(trx, ctx, localIdOf(input.productId, 'Product'), ['input', 'productId']);
      const options = await productOptions(trx, ctx.db.tenantId, product.id);
      const values = input.optionValues ?? (options.length === 0 ? [] : null);
      if (values === null) {
        throw new UserErrors([
          { field: ['input', 'optionValues'], code: 'BLANK', message: 'optionValues are required' },
        ]);
      }
      await checkOptionValues(trx, ctx, product.id, values);
      const [variant] = await insertVariants(trx, ctx.db.tenantId, product.id, [{ ...fields, optionValues: values }]);
      return { variant, product: await productChanged(trx, ctx, product.id) };
    });
    if (value) forgetProduct(ctx, value.product.id);
    return { productVariant: value?.variant ?? null, product: value?.product ?? null, userErrors };
  },

  productVariantUpdate: async (
    _: unknown,
    { input }: { input: VariantFields & { id: string } },
    ctx: GatewayContext,
  ) => {
    const target = { gid: input.id, field: ['input', 'id'] };
    const elsewhere = await catalogElsewhere(ctx, 'ProductVariant', 'productVariantUpdate', target, { input });
    if (elsewhere) {
      const { value, userErrors } = elsewhere;
      return { productVariant: value?.variant ?? null, product: value?.product ?? null, userErrors };
    }
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const fields = checked(input, ctx.tenant.currency);
      const id = localIdOf(input.id, 'ProductVariant');
      const current = id ? await variantFor(trx, ctx.db.tenantId, id) : null;
      if (!current) throw notFound(['input', 'id'], 'Variant');
      await lockedProduct(trx, ctx, current.product_id, ['input', 'id']);
      await checkOptionValues(trx, ctx, current.product_id, input.optionValues);
      const variant = (await updateVariant(trx, ctx.db.tenantId, current.id, fields))!;
      return { variant, product: await productChanged(trx, ctx, current.product_id) };
    });
    if (value) {
      forgetProduct(ctx, value.product.id);
      ctx.loaders.variantById.clear(value.variant.id);
    }
    return { productVariant: value?.variant ?? null, product: value?.product ?? null, userErrors };
  },

  productVariantDelete: async (_: unknown, args: { id: string }, ctx: GatewayContext) => {
    const target = { gid: args.id, field: ['id'] };
    const elsewhere = await catalogElsewhere(ctx, 'ProductVariant', 'productVariantDelete', target, args);
    if (elsewhere) return { deletedProductVariantId: null, product: null, userErrors: elsewhere.userErrors };
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const id = localIdOf(args.id, 'ProductVariant');
      const current = id ? await variantFor(trx, ctx.db.tenantId, id) : null;
      if (!current) throw notFound(['id'], 'Variant');
      await lockedProduct(trx, ctx, current.product_id, ['id']);
      await deleteVariant(trx, ctx.db.tenantId, current);
      return { id: current.id, product: await productChanged(trx, ctx, current.product_id) };
    });
    if (value) {
      forgetProduct(ctx, value.product.id);
      ctx.loaders.variantById.clear(value.id);
    }
    return {
      deletedProductVariantId: value ? encodeGlobalId('ProductVariant', value.id) : null,
      product: value?.product ?? null,
      userErrors,
    };
  },
};
