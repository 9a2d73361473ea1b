import { definePlugin, schemaFragment, type GatewayContext } from '../../src/sdk';
import { createCatalogLoaders } from '../../connectors/catalog/loaders';
import { migrations } from '../../connectors/catalog/migrations';
import { seedCatalog } from '../../connectors/catalog/seed';
import { collectionResolvers } from './collection.resolvers';
import { mutationResolvers } from './mutations';
import { permissions } from './permissions';
import { productResolvers } from './product.resolvers';
import { variantResolvers } from './variant.resolvers';
import { canReadCatalog, visibleCollection, visibleProduct } from './visibility';
import { columns } from './columns';

/** A child row (variant, option, image) is visible when its product is. */
async function withVisibleProduct<R extends { product_id: string }>(ctx: GatewayContext, row: R | null) {
  if (!row || !canReadCatalog(ctx)) return null;
  return visibleProduct(ctx, await ctx.loaders.productById.load(row.product_id)) ? row : null;
}

const list = (defaultSize = 50) => ({ multipliers: ['first', 'last'], defaultSize });

/** Products, variants, options, images and collections: storefront reads and admin writes. */
export const plugin = definePlugin({
  name: 'catalog',
  version: '1.1.0',
  dependsOn: ['core'],
  typeDefs: schemaFragment('catalog'),
  resolvers: {
    Query: { ...productResolvers.Query, ...collectionResolvers.Query },
    Mutation: mutationResolvers,
    Product: productResolvers.Product,
    Collection: collectionResolvers.Collection,
    ...variantResolvers,
  },
  permissions,
  costs: {
    'Query.products': list(),
    'Query.collections': list(),
    'Collection.products': list(),
    // A product's own lists are short (all rows come from one batched load); expect ten when unsized.
    'Product.variants': list(10),
    'Product.images': list(10),
    'Product.collections': list(10),
  },
  columns,
  createLoaders: createCatalogLoaders,
  migrations,
  seed: seedCatalog,
  nodes: {
    Product: async (ctx, id) => visibleProduct(ctx, await ctx.loaders.productById.load(id)),
    Collection: async (ctx, id) => visibleCollection(ctx, await ctx.loaders.collectionById.load(id)),
    ProductVariant: async (ctx, id) => withVisibleProduct(ctx, await ctx.loaders.variantById.load(id)),
    ProductOption: async (ctx, id) => withVisibleProduct(ctx, await ctx.loaders.optionById.load(id)),
    Image: async (ctx, id) => withVisibleProduct(ctx, await ctx.loaders.imageById.load(id)),
  },
});
