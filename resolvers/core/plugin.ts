import { definePlugin, schemaFragment } from '../../src/sdk';
import { migrations } from '../../connectors/core/migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** Scalars, Node, PageInfo, Money, UserError and the roots every other plugin extends. */
export const plugin = definePlugin({
  name: 'core',
  version: '1.0.0',
  alwaysOn: true,
  typeDefs: schemaFragment('core'),
  resolvers,
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    GatewayStatus: 'src/sdk/status#GatewayStatus as GatewayStatusModel',
    PluginStatus: 'src/sdk/status#PluginStatus as PluginStatusModel',
    TenantStatus: 'src/sdk/status#TenantStatus as TenantStatusModel',
  },
  permissions,
  migrations,
});
