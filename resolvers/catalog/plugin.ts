import { definePlugin, schemaFragment, type GatewayContext } from '../../src/sdk';
import { CATALOG_EVENTS } from '../../connectors/catalog/events';
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
function withVisibleProduct<R extends { product_id: string }>(ctx: GatewayContext, row: R | null) {
  if (!row || !canReadCatalog(ctx)) return null;
  return ctx.loaders.productById.load(row.product_id).then((product) => (visibleProduct(ctx, product) ? row : null));
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
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    Product: 'connectors/catalog/tables#ProductRow',
    ProductVariant: 'connectors/catalog/tables#VariantRow',
    ProductOption: 'connectors/catalog/tables#OptionRow',
    Image: 'connectors/catalog/tables#ImageRow',
    Collection: 'connectors/catalog/tables#CollectionRow',
    ProductConnection: 'CountedConnection<ProductRow>',
    CollectionConnection: 'CountedConnection<CollectionRow>',
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
  scopes: ['read_products', 'write_products'],
  events: CATALOG_EVENTS,
  migrations,
  seed: seedCatalog,
  // Plain functions on the loaders' promises: a list page resolves hundreds of nodes per request, and an
  // `async` function with its awaits costs promises of its own for each.
  nodes: {
    Product: (ctx, id) => ctx.loaders.productById.load(id).then((row) => visibleProduct(ctx, row)),
    Collection: (ctx, id) => ctx.loaders.collectionById.load(id).then((row) => visibleCollection(ctx, row)),
    ProductVariant: (ctx, id) => ctx.loaders.variantById.load(id).then((row) => withVisibleProduct(ctx, row)),
    ProductOption: (ctx, id) => ctx.loaders.optionById.load(id).then((row) => withVisibleProduct(ctx, row)),
    Image: (ctx, id) => ctx.loaders.imageById.load(id).then((row) => withVisibleProduct(ctx, row)),
  },
});
