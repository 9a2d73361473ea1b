import { definePlugin, schemaFragment, type GatewayContext } from '../../src/sdk';
import { createCatalogLoaders } from '../../connectors/catalog/loaders';
import { migrations } from '../../connectors/catalog/migrations';
import { seedCatalog } from '../../connectors/catalog/seed';
import { permissions } from './permissions';
import { productResolvers } from './product.resolvers';

const canRead = (ctx: GatewayContext) =>
  ctx.principal.kind === 'storefront' || ctx.principal.scopes.includes('read_products');

/** Products and variants. */
export const plugin = definePlugin({
  name: 'catalog',
  version: '1.0.0',
  dependsOn: ['core'],
  typeDefs: schemaFragment('catalog'),
  resolvers: productResolvers,
  permissions,
  costs: {
    'Query.products': { multipliers: ['first', 'last'], defaultSize: 50 },
    'Product.variants': { multipliers: ['first'], defaultSize: 50 },
  },
  createLoaders: createCatalogLoaders,
  migrations,
  seed: seedCatalog,
  nodes: {
    Product: async (ctx, id) => (canRead(ctx) ? ctx.loaders.productById.load(id) : null),
    ProductVariant: async (ctx, id) => (canRead(ctx) ? ctx.loaders.variantById.load(id) : null),
  },
});
