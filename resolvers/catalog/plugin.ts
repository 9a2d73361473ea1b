import { definePlugin, schemaFragment, type GatewayContext, type NodeSource } from '../../src/sdk';
import { CATALOG_EVENTS } from '../../connectors/catalog/events';
import { createCatalogLoaders } from '../../connectors/catalog/loaders';
import { migrations } from '../../connectors/catalog/migrations';
import { seedCatalog } from '../../connectors/catalog/seed';
import { collectionResolvers } from './collection.resolvers';
import { mutationResolvers } from './mutations';
import { permissions } from './permissions';
import { productResolvers } from './product.resolvers';
import { searchResolvers } from './search.resolvers';
import { applySearchLanguages } from '../../connectors/catalog/search-language';
import { variantResolvers } from './variant.resolvers';
import { readCatalog, visibleCollection, visibleProduct } from './visibility';
import { columns } from './columns';

/** A child row (variant, option, image) is visible when its product is. */
function withVisibleProduct<R extends { product_id: string }>(ctx: GatewayContext, row: R | null) {
  if (!row) return null;
  return ctx.loaders.productById.load(row.product_id).then((product) => (visibleProduct(ctx, product) ? row : null));
}

/** Catalog nodes are for whoever reads the catalog; then the row's own state decides (published or not). */
const catalogNode = (load: NodeSource['load']): NodeSource => ({ load, visibleTo: readCatalog });

const list = (defaultSize = 50) => ({ multipliers: ['first', 'last'], defaultSize });

/** Products, variants, options, images and collections: storefront reads and admin writes. */
export const plugin = definePlugin({
  name: 'catalog',
  version: '1.1.0',
  dependsOn: ['core'],
  typeDefs: schemaFragment('catalog'),
  resolvers: {
    Query: { ...productResolvers.Query, ...collectionResolvers.Query, ...searchResolvers.Query },
    Mutation: mutationResolvers,
    Product: productResolvers.Product,
    Collection: collectionResolvers.Collection,
    ProductSearchConnection: searchResolvers.ProductSearchConnection,
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
    ProductSearchConnection: 'connectors/catalog/tables#SearchConnection',
  },
  permissions,
  costs: {
    'Query.products': list(),
    'Query.collections': list(),
    'Collection.products': list(),
    // The page, plus one statement that reads every match once for the total and the facets.
    'Query.search': { cost: 10, multipliers: ['first', 'last'], defaultSize: 50 },
    // Three short statements: products, collections, completions.
    'Query.predictiveSearch': { cost: 3, multipliers: ['limit'], defaultSize: 10 },
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
  // Documents are built in the tenant's language: a changed locale rebuilds them within a minute.
  jobs: [
    {
      name: 'search-language',
      intervalMs: 60_000,
      run: (runtime) =>
        applySearchLanguages(
          runtime,
          runtime.tenants().filter((t) => t.plugins.has('catalog')),
        ),
    },
  ],
  // Plain functions on the loaders' promises: a list page resolves hundreds of nodes per request, and an
  // `async` function with its awaits costs promises of its own for each.
  nodes: {
    Product: catalogNode((ctx, id) => ctx.loaders.productById.load(id).then((row) => visibleProduct(ctx, row))),
    Collection: catalogNode((ctx, id) =>
      ctx.loaders.collectionById.load(id).then((row) => visibleCollection(ctx, row)),
    ),
    ProductVariant: catalogNode((ctx, id) =>
      ctx.loaders.variantById.load(id).then((row) => withVisibleProduct(ctx, row)),
    ),
    ProductOption: catalogNode((ctx, id) =>
      ctx.loaders.optionById.load(id).then((row) => withVisibleProduct(ctx, row)),
    ),
    Image: catalogNode((ctx, id) => ctx.loaders.imageById.load(id).then((row) => withVisibleProduct(ctx, row))),
  },
});
