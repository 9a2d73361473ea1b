import { definePlugin, schemaFragment } from '../../src/sdk';
import { createShopifyLoaders } from '../../connectors/shopify/loaders';
import { shopifyMetrics } from '../../connectors/shopify/metrics';
import { migrations } from '../../connectors/shopify/migrations';
import { shopifyTenantConfig } from '../../connectors/shopify/settings';
import { shopifySystemOfRecord } from '../../connectors/shopify/system-of-record';
import { connectionResolvers } from './connection.resolvers';
import { externalIdResolvers } from './external-ids.resolvers';
import { jobs } from './jobs';
import { permissions } from './permissions';
import { webhookRoutes } from './webhook-route';
import { syncCommand } from './sync-command';
import { columns } from './columns';

/** Keeps a tenant's Shopify store in the retail tables: bulk and incremental sync, webhooks, admin API. */
export const plugin = definePlugin({
  name: 'shopify',
  version: '1.0.0',
  dependsOn: ['core', 'catalog', 'inventory', 'customers', 'orders'],
  typeDefs: schemaFragment('shopify'),
  resolvers: {
    Query: connectionResolvers.Query,
    Mutation: connectionResolvers.Mutation,
    ...externalIdResolvers,
  },
  permissions,
  columns,
  createLoaders: createShopifyLoaders,
  scopes: ['read_gateway', 'write_shopify'],
  metrics: shopifyMetrics,
  migrations,
  tenantConfig: shopifyTenantConfig,
  routes: webhookRoutes,
  commands: { sync: syncCommand },
  jobs,
  systemOfRecord: shopifySystemOfRecord,
});
