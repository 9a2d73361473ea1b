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
  permissions,
  migrations,
});
