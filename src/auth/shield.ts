import type { GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import { GatewayError, type PluginDefinition, type ShieldRule } from '../sdk';

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

/** Every plugin's rules. Whether the tenant enabled the plugin is checked before them (engine/guard/plugin-access). */
function ruleTree(plugins: readonly PluginDefinition[]): Record<string, Record<string, ShieldRule>> {
  const tree: Record<string, Record<string, ShieldRule>> = {};
  for (const plugin of plugins) {
    for (const [typeName, fields] of Object.entries(plugin.permissions ?? {}))
      Object.assign((tree[typeName] ??= {}), fields);
  }
  return tree;
}

/**
 * Applies graphql-shield, deny by default on the root types. Only root fields and fields with an explicit
 * rule are wrapped: shield would otherwise wrap every field of every type in a promise.
 */
export function applyAuthorization(schema: GraphQLSchema, plugins: readonly PluginDefinition[]): GraphQLSchema {
  const tree = ruleTree(plugins);
  const generator = shield(tree as IRules, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => new GatewayError('FORBIDDEN', 'Not allowed'),
  });
  const full = generator.generate(schema) as Record<string, IMiddlewareFieldMap[string]>;
  const wanted: Record<string, unknown> = {};
  for (const [typeName, fields] of Object.entries(full)) {
    if (ROOT_TYPES.includes(typeName)) wanted[typeName] = fields;
    else if (tree[typeName]) {
      const explicit = Object.keys(tree[typeName]).filter((f) => f !== '*');
      wanted[typeName] = Object.fromEntries(
        Object.entries(fields as Record<string, unknown>).filter(([f]) => explicit.includes(f)),
      );
    }
  }
  return applyMiddleware(schema, wanted as IMiddlewareFieldMap);
}
