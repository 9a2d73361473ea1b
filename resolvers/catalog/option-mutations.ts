import { localIdOf, type GatewayContext } from '../../src/sdk';
import { emitProductEvent, productPayload } from '../../connectors/catalog/events';
import { deleteOptions, insertOptions, updateOption, type OptionFields } from '../../connectors/catalog/option-writes';
import { lockProduct } from '../../connectors/catalog/product-writes';
import type { CatalogTables } from '../../connectors/catalog/tables';
import { Checker } from '../../connectors/catalog/validation';
import type { Kysely } from 'kysely';
import { attempt, notFound } from './attempt';
import { catalogElsewhere } from './elsewhere';
import { forgetProduct } from './forget';
import { checkOption } from './input-checks';
import type { MutationResolvers } from '../generated/resolvers-types';

/** Runs an option write on the locked product (PRODUCTS_UPDATE in its transaction) and answers with the product. */
async function onProduct(
  ctx: GatewayContext,
  productGid: string,
  write: (trx: Kysely<CatalogTables>, productId: string) => Promise<void>,
  mutation: string,
) {
  const elsewhere = await catalogElsewhere(ctx, 'Product', mutation, { gid: productGid, field: ['productId'] }, {});
  if (elsewhere) return { product: elsewhere.value?.product ?? null, userErrors: elsewhere.userErrors };
  const { value, userErrors } = await attempt(ctx, async (trx) => {
    const id = localIdOf(productGid, 'Product');
    const product = id ? await lockProduct(trx, ctx.db.tenantId, id) : null;
    if (!product) throw notFound(['productId'], 'Product');
    await write(trx, product.id);
    await emitProductEvent(trx, ctx.db.tenantId, 'PRODUCTS_UPDATE', productPayload(product));
    return product;
  });
  if (value) forgetProduct(ctx, value.id);
  return { product: value, userErrors };
}

export const optionMutations: MutationResolvers = {
  productOptionsCreate: (_: unknown, args: { productId: string; options: OptionFields[] }, ctx: GatewayContext) =>
    onProduct(
      ctx,
      args.productId,
      async (trx, productId) => {
        const c = new Checker();
        args.options.forEach((o, i) => checkOption(c, ['options', String(i)], o, true));
        c.done();
        await insertOptions(trx, ctx.db.tenantId, productId, args.options, ['options']);
      },
      'productOptionsCreate',
    ),

  productOptionUpdate: (
    _: unknown,
    args: { productId: string; option: { id: string; name?: string | null; values?: string[] | null } },
    ctx: GatewayContext,
  ) =>
    onProduct(
      ctx,
      args.productId,
      async (trx, productId) => {
        const c = new Checker();
        checkOption(
          c,
          ['option'],
          { name: args.option.name ?? undefined, values: args.option.values ?? undefined },
          false,
        );
        c.done();
        const id = localIdOf(args.option.id, 'ProductOption');
        if (!id) throw notFound(['option', 'id'], 'Option');
        await updateOption(trx, ctx.db.tenantId, productId, { ...args.option, id });
      },
      'productOptionUpdate',
    ),

  productOptionsDelete: (_: unknown, args: { productId: string; options: string[] }, ctx: GatewayContext) =>
    onProduct(
      ctx,
      args.productId,
      async (trx, productId) => {
        const ids = args.options.map((gid, i) => {
          const id = localIdOf(gid, 'ProductOption');
          if (!id) throw notFound(['options', String(i)], 'Option');
          return id;
        });
        await deleteOptions(trx, ctx.db.tenantId, productId, ids);
      },
      'productOptionsDelete',
    ),
};
