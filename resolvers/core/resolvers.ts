import { GatewayError, statusSeenBy, type GatewayContext } from '../../src/sdk';
import { scalarResolvers } from './scalars';
import type { NodeResolvers, Resolvers, ResolversTypes } from '../generated/resolvers-types';

const MAX_NODES = 250;

const PLUGIN_STATES = { active: 'ACTIVE', quarantined: 'QUARANTINED' } as const;
const TENANT_STATES = { active: 'ACTIVE', disabled: 'DISABLED' } as const;

type NodeTypeName = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

/** A node fetcher answers its type's row (the mapper in codegen.yml); loadNode's SDK type can't name it. */
const loadNode = (ctx: GatewayContext, id: string) => ctx.loadNode(id) as Promise<ResolversTypes['Node'] | null>;

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Node: {
    // Rows carry no type of their own: the request remembers what each was loaded as (ctx.loadNode).
    __resolveType: (node, ctx) => (ctx.nodeType(node) as NodeTypeName | undefined) ?? null,
  },
  Query: {
    node: (_: unknown, args: { id: string }, ctx: GatewayContext) => loadNode(ctx, args.id),
    nodes: (_: unknown, args: { ids: string[] }, ctx: GatewayContext) => {
      if (args.ids.length > MAX_NODES) {
        throw new GatewayError('BAD_USER_INPUT', `At most ${MAX_NODES} ids per call`, { argument: 'ids' });
      }
      // graphql-js awaits each item on its own (one failing id nulls only its entry); codegen's list type can't say so.
      return args.ids.map((id) => loadNode(ctx, id)) as unknown as ResolversTypes['Node'][];
    },
    gatewayStatus: (_: unknown, __: unknown, ctx: GatewayContext) =>
      ctx.gateway.status().then((status) => statusSeenBy(status, ctx.principal, ctx.tenant.id)),
  },
  PluginStatus: { state: (p) => PLUGIN_STATES[p.state] },
  TenantStatus: { state: (t) => TENANT_STATES[t.state] },
};
