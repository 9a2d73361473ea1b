import { definePlugin, schemaFragment } from '../../src/sdk';
import { createMetafieldLoaders } from '../../connectors/metafields/loaders';
import { migrations } from '../../connectors/metafields/migrations';
import { seedMetafields } from '../../connectors/metafields/seed';
import { columns } from './columns';
import { metafieldMutations } from './mutations';
import { ownerFields } from './owner-fields';
import { permissions } from './permissions';
import { metafieldQueries } from './queries';
import { definitionFields, metafieldFields } from './types';

/**
 * Custom fields (docs/metafields.md): typed, validated values by namespace and key on products,
 * variants, collections, customers and orders, with definitions saying each key's type, rules and
 * whether storefronts see it.
 */
export const plugin = definePlugin({
  name: 'metafields',
  version: '1.0.0',
  dependsOn: ['core', 'catalog', 'customers', 'orders'],
  typeDefs: schemaFragment('metafields'),
  resolvers: {
    Query: metafieldQueries,
    Mutation: metafieldMutations,
    Metafield: metafieldFields,
    MetafieldDefinition: definitionFields,
    Product: ownerFields('PRODUCT'),
    ProductVariant: ownerFields('PRODUCTVARIANT'),
    Collection: ownerFields('COLLECTION'),
    Customer: ownerFields('CUSTOMER'),
    Order: ownerFields('ORDER'),
  },
  mappers: {
    Metafield: 'connectors/metafields/tables#MetafieldRow',
    MetafieldDefinition: 'connectors/metafields/tables#DefinitionRow',
  },
  permissions,
  costs: {
    'Query.metafieldDefinitions': { multipliers: ['first'], defaultSize: 50 },
    'Product.metafields': { defaultSize: 10 },
    'ProductVariant.metafields': { defaultSize: 10 },
    'Collection.metafields': { defaultSize: 10 },
    'Customer.metafields': { defaultSize: 10 },
    'Order.metafields': { defaultSize: 10 },
  },
  columns,
  createLoaders: createMetafieldLoaders,
  migrations,
  seed: seedMetafields,
});
