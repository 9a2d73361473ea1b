import { GatewayError, type GatewayContext } from '../../src/sdk';
import { scalarResolvers } from './scalars';

const MAX_NODES = 250;

export const resolvers = {
  ...scalarResolvers,
  Node: {
    __resolveType: (node: { __typename?: string }) => node.__typename ?? null,
  },
  Query: {
    node: (_: unknown, args: { id: string }, ctx: GatewayContext) => ctx.loadNode(args.id),
    nodes: (_: unknown, args: { ids: string[] }, ctx: GatewayContext) => {
      if (args.ids.length > MAX_NODES) {
        throw new GatewayError('BAD_USER_INPUT', `At most ${MAX_NODES} ids per call`, { argument: 'ids' });
      }
      return args.ids.map((id) => ctx.loadNode(id));
    },
    gatewayStatus: (_: unknown, __: unknown, ctx: GatewayContext) => ctx.gateway.status(),
  },
  PluginStatus: { state: (p: { state: string }) => p.state.toUpperCase() },
  TenantStatus: { state: (t: { state: string }) => t.state.toUpperCase() },
};
