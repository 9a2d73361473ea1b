import {
  defaultFieldResolver,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { GatewayContext } from '../../sdk';
import { upstreamUnavailable } from './answers';

/** The field set a field `@requires`, kept on the field of the composed schema (selected-fields.ts reads it). */
export interface RequiresExtension {
  remoteRequires?: SelectionSetNode;
}

export const requiresOf = (extensions: unknown): SelectionSetNode | undefined =>
  (extensions as RequiresExtension | null | undefined)?.remoteRequires;

const refused = (service: string) =>
  upstreamUnavailable(service, `The ${service} service asks for fields the gateway cannot give`);

async function complete(
  type: GraphQLOutputType,
  value: unknown,
  set: SelectionSetNode | undefined,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  service: string,
): Promise<unknown> {
  if (value instanceof Error) throw value;
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) throw refused(service);
    return Promise.all(value.map((item) => complete(nullable.ofType, item, set, ctx, info, service)));
  }
  if (isLeafType(nullable)) return nullable.serialize(value);
  if (isObjectType(nullable) && set) return resolveLocally(nullable, value, set, ctx, info, service);
  throw refused(service);
}

/**
 * The values of our fields a remote field requires, resolved on its parent through the served schema's
 * own resolvers (the caller's authorization included: a service never gets a field its caller could not
 * read), serialized as they would be in an answer.
 */
export async function resolveLocally(
  type: GraphQLObjectType,
  source: unknown,
  set: SelectionSetNode,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  service: string,
): Promise<Record<string, unknown>> {
  const fields = type.getFields();
  const out: Record<string, unknown> = {};
  await Promise.all(
    set.selections.map(async (selection) => {
      if (selection.kind !== Kind.FIELD) throw refused(service);
      const name = selection.name.value;
      const field = fields[name];
      if (!field) throw refused(service);
      const args = getArgumentValues(field, selection, info.variableValues);
      const resolve = field.resolve ?? defaultFieldResolver;
      const value = await resolve(source, args, ctx, {
        ...info,
        fieldName: name,
        fieldNodes: [selection],
        returnType: field.type,
        parentType: type,
        path: { prev: info.path, key: name, typename: type.name },
      });
      out[name] = await complete(field.type, value, selection.selectionSet, ctx, info, service);
      if (out[name] === null && isNonNullType(field.type)) throw refused(service);
    }),
  );
  return out;
}
