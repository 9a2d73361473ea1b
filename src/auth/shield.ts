import type { GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { chain, deny, rule, shield, type IRules } from 'graphql-shield';
import { GatewayError, type GatewayContext, type PluginDefinition, type ShieldRule } from '../sdk';

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

/** Fails with PLUGIN_DISABLED when the caller's tenant has not enabled the plugin. */
const enabledRules = new Map<string, ShieldRule>();

/** One rule instance per plugin: shield refuses two different rules with one name. */
function pluginEnabled(name: string): ShieldRule {
  let found = enabledRules.get(name);
  if (!found) {
    found = rule(`pluginEnabled:${name}`, { cache: 'contextual' })(
      (_parent, _args, ctx: GatewayContext) =>
        ctx.tenant.plugins.has(name) ||
        new GatewayError('PLUGIN_DISABLED', `The ${name} features are not enabled for this shop`),
    );
    enabledRules.set(name, found);
  }
  return found;
}

/** Every plugin's rules, with root fields guarded by the plugin-enabled check as well. */
function ruleTree(plugins: readonly PluginDefinition[]): Record<string, Record<string, ShieldRule>> {
  const tree: Record<string, Record<string, ShieldRule>> = {};
  for (const plugin of plugins) {
    for (const [typeName, fields] of Object.entries(plugin.permissions ?? {})) {
      const target = (tree[typeName] ??= {});
      for (const [field, fieldRule] of Object.entries(fields)) {
        target[field] =
          ROOT_TYPES.includes(typeName) && plugin.name !== 'core'
            ? chain(pluginEnabled(plugin.name), fieldRule)
            : fieldRule;
      }
    }
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
