import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, getNamedType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { GatewayError, type GatewayContext } from '../../sdk';
import type { ContributionOwners } from '../../plugins/compose';

/**
 * The plugins a field needs beyond the one that owns its parent type (already checked on the way in):
 * the plugin that added the field, and the plugin that defines the type it answers. A root field needs
 * its plugin; `ProductVariant.quantityAvailable` needs inventory; `LineItem.variant` needs catalog. Always-on
 * plugins (manifest `alwaysOn`) are never needed: every tenant has them.
 */
export function pluginsNeeded(
  owners: ContributionOwners,
  alwaysOn: ReadonlySet<string>,
  typeName: string,
  field: string,
  returns: string,
): string[] {
  const parent = owners.types.get(typeName);
  const needed = [owners.fields.get(`${typeName}.${field}`), owners.types.get(returns)];
  return [...new Set(needed)].filter((p): p is string => p !== undefined && !alwaysOn.has(p) && p !== parent);
}

const disabled = (plugin: string) =>
  new GatewayError('PLUGIN_DISABLED', `The ${plugin} features are not enabled for this shop`);

/**
 * Closes every field a plugin contributes for tenants that have not enabled it: its root fields, the
 * fields it adds to other plugins' types, and every field of another plugin that answers one of its
 * types. Fields of its own types need no check: they are reached only through those, or through
 * `node(id:)`, which reads a disabled plugin's type as absent (ctx.loadNodeOf). One set lookup per
 * call of the fields that cross between plugins; the rest of the schema is left as it is.
 *
 * Applied outermost, so a disabled plugin answers PLUGIN_DISABLED before any authorization rule.
 */
export function applyPluginAccess(
  schema: GraphQLSchema,
  owners: ContributionOwners,
  alwaysOn: ReadonlySet<string>,
): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const needed = pluginsNeeded(owners, alwaysOn, typeName, fieldName, getNamedType(config.type).name);
      if (needed.length === 0) return config;
      const resolve: GraphQLFieldResolver<unknown, GatewayContext> = config.resolve ?? defaultFieldResolver;
      return {
        ...config,
        resolve: (source, args, ctx: GatewayContext, info) => {
          for (const plugin of needed) if (!ctx.tenant.plugins.has(plugin)) throw disabled(plugin);
          return resolve(source, args, ctx, info);
        },
      };
    },
  });
}
