import DataLoader from 'dataloader';
import { z } from 'zod';
import { deny } from 'graphql-shield';
import type { GraphQLFieldResolver, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { encodeGlobalId, type GatewayContext, type PluginDefinition } from '../../sdk';
import { resolveBatch, loadKey, type RemoteLoad } from './batch';
import type { Caller, RemoteClient } from './client';
import { forwardedField, variablesOf } from './forward';
import type { RemoteFragment } from './fragment';
import { valueAt } from './answers';
import { resolveLocally, type RequiresExtension } from './requires';
import { completeReferences } from './reference-completion';
import type { EntityReference, ReferenceExtension } from './references';

type Resolver = GraphQLFieldResolver<unknown, GatewayContext>;
type Batcher = DataLoader<RemoteLoad, unknown, string>;

const callerOf = (ctx: GatewayContext): Caller => ({
  tenant: ctx.tenant,
  principal: ctx.principal,
  requestId: ctx.requestId,
});

/** The request's batcher of a remote plugin, kept among its loaders. */
const batcherKey = (plugin: string) => `remote:${plugin}`;
const batcherOf = (ctx: GatewayContext, plugin: string) =>
  (ctx.loaders as unknown as Record<string, Batcher>)[batcherKey(plugin)];

/** A root field: the caller's selection of it, sent on as it is (one call per root field). */
function rootResolver(client: RemoteClient, service: string, operation: 'query' | 'mutation'): Resolver {
  return async (_source, _args, ctx, info: GraphQLResolveInfo) => {
    const field = forwardedField(info);
    const { definitions, values } = variablesOf([field]);
    const declared = definitions.length ? `(${definitions.join(', ')})` : '';
    const answer = await client.request(callerOf(ctx), `${operation}${declared} { ${field.text} }`, values);
    const value = valueAt(answer, [info.fieldName], service);
    if (value instanceof Error) throw value;
    return value;
  };
}

/** A field returning our entities: the service's answer is references, completed by the plugin owning the type. */
function completing(resolve: Resolver, reference: EntityReference | undefined, service: string): Resolver {
  if (!reference) return resolve;
  return async (source, args, ctx, info) =>
    completeReferences(await resolve(source, args, ctx, info), reference, ctx, service);
}

/**
 * A field a remote service adds to one of our types: a load of the request's batch for this level. A
 * field that `@requires` fields of ours resolves them on the parent first; every parent of a level does
 * so in step, so their loads still meet in one batch.
 */
function parentResolver(plugin: string, link?: RemoteLoad['link'], requires?: SelectionSetNode): Resolver {
  const load = (parent: unknown, ctx: GatewayContext, info: GraphQLResolveInfo, required?: Record<string, unknown>) =>
    batcherOf(ctx, plugin).load({
      caller: callerOf(ctx),
      typename: info.parentType.name,
      id: encodeGlobalId(info.parentType.name, (parent as { id: string }).id),
      field: forwardedField(info),
      required,
      link,
    });
  if (!requires) return (parent, _args, ctx, info) => load(parent, ctx, info);
  return async (parent, _args, ctx, info) =>
    load(parent, ctx, info, await resolveLocally(info.parentType, parent, requires, ctx, info, plugin));
}

/** A field of the service's own types: its answer is keyed by the caller's response keys (aliases). */
const byResponseKey: Resolver = (source, _args, _ctx, info) =>
  (source as Record<string, unknown>)[info.path.key as string];

/**
 * The plugin a remote manifest becomes once its service's schema is read: the fragment, resolvers that
 * call the service, the batcher among its loaders (under the plugin's deadline and circuit), and a rule
 * for every field it adds to our types and roots: the manifest's, else deny.
 */
export function remotePlugin(
  manifest: PluginDefinition,
  fragment: RemoteFragment,
  client: RemoteClient,
): PluginDefinition {
  const name = manifest.name;
  const resolvers: Record<string, Record<string, Resolver>> = {};
  const permissions: Record<string, Record<string, NonNullable<PluginDefinition['permissions']>[string][string]>> = {};
  const ruled = (typeName: string, field: string) => {
    (permissions[typeName] ??= {})[field] = manifest.permissions?.[typeName]?.[field] ?? deny;
  };
  /** A field's resolver, with the field sets it carries on the schema's field (forward.ts, selected-fields.ts). */
  const resolveField = (typeName: string, field: string, resolve: Resolver, requires?: SelectionSetNode) => {
    const reference = fragment.references.get(`${typeName}.${field}`);
    const extensions: RequiresExtension & ReferenceExtension = { remoteRequires: requires, remoteReference: reference };
    (resolvers[typeName] ??= {})[field] =
      requires || reference
        ? ({ resolve: completing(resolve, reference, name), extensions } as unknown as Resolver)
        : resolve;
  };
  for (const root of ['Query', 'Mutation'] as const) {
    for (const field of fragment.rootFields[root]) {
      resolveField(root, field, rootResolver(client, name, root === 'Query' ? 'query' : 'mutation'));
      ruled(root, field);
    }
  }
  const columns: NonNullable<PluginDefinition['columns']> = {};
  const addParentField = (typeName: string, field: string, link?: RemoteLoad['link']) => {
    const requires = fragment.requires.get(`${typeName}.${field}`);
    // The field set rides on the schema's field: the request plan selects the columns it reads.
    resolveField(typeName, field, parentResolver(name, link, requires), requires);
    ruled(typeName, field);
    (columns as Record<string, { fields: Record<string, string[]> }>)[typeName] ??= { fields: {} };
    (columns as Record<string, { fields: Record<string, string[]> }>)[typeName].fields[field] = ['id'];
  };
  for (const [typeName, fields] of fragment.entityFields) for (const f of fields) addParentField(typeName, f);
  for (const [coordinate, link] of fragment.linkFields) {
    const [typeName, field] = coordinate.split('.') as [string, string];
    addParentField(typeName, field, link);
  }
  for (const [typeName, fields] of fragment.ownObjectTypes) {
    for (const f of fields) resolveField(typeName, f, byResponseKey);
    // Rules the manifest gives for the service's own types apply as written.
    if (manifest.permissions?.[typeName]) permissions[typeName] = { ...manifest.permissions[typeName] };
  }
  return {
    ...manifest,
    typeDefs: fragment.typeDefs,
    // A tenant may point the connector at its own instance of the service.
    tenantConfig: manifest.tenantConfig ?? z.object({ url: z.url({ protocol: /^https?$/ }).optional() }),
    resolvers,
    permissions,
    columns,
    createLoaders: (lctx) => ({
      [batcherKey(name)]: new DataLoader<RemoteLoad, unknown, string>(
        lctx.guardBatch((loads) => resolveBatch(client, name, loads)),
        { cacheKeyFn: loadKey },
      ),
    }),
  };
}
