import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { parseGlobalId, type GatewayContext } from '../../sdk';
import { upstreamUnavailable } from './answers';
import { referenceOf, type EntityReference } from './references';
import { REFERENCE_ID } from './reference-selection';

/** The values a service provided, on the node the gateway completed from its reference. */
const PROVIDED = Symbol('fields a remote service provided');

const malformed = (service: string) =>
  upstreamUnavailable(service, `The ${service} service answered a reference the gateway cannot read`);

async function completeOne(
  value: unknown,
  reference: EntityReference,
  ctx: GatewayContext,
  service: string,
): Promise<object | null> {
  if (value instanceof Error) throw value;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw malformed(service);
  const { [REFERENCE_ID]: id, __typename: _, ...provided } = value as Record<string, unknown>;
  if (typeof id !== 'string') throw malformed(service);
  const parsed = parseGlobalId(id);
  // Another type's id, another tenant's or one hidden from the caller reads as absent, as node(id:) reads it.
  if (!parsed || parsed.type !== reference.type) return null;
  const node = await ctx.loadNodeOf<object>(reference.type, parsed.id);
  if (!node || Object.keys(provided).length === 0) return node;
  // A node of its own: the same row reached elsewhere in the answer keeps its own values.
  return Object.create(node, { [PROVIDED]: { value: provided } }) as object;
}

/**
 * Our entities a service answered as references, completed by the plugin that owns the type, as
 * `node(id:)` fetches them: same caller, tenant and visibility, one batched load per query level.
 */
export function completeReferences(
  value: unknown,
  reference: EntityReference,
  ctx: GatewayContext,
  service: string,
): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((item) => completeReferences(item, reference, ctx, service)));
  return completeOne(value, reference, ctx, service);
}

/** A provided field: the service's value on a node completed from its reference, else our own resolver. */
function providedOrOwn(field: GraphQLField<unknown, GatewayContext>): void {
  const own = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, ctx, info) => {
    const provided = (source as { [PROVIDED]?: Record<string, unknown> } | null)?.[PROVIDED];
    const key = info.path.key as string;
    return provided && Object.hasOwn(provided, key) ? provided[key] : own(source, args, ctx, info);
  };
}

/** Makes every field of ours that some service's reference provides read the provided value first. */
export function serveProvidedFields(schema: GraphQLSchema): GraphQLSchema {
  const wrapped = new Set<GraphQLField<unknown, GatewayContext>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const reference = referenceOf(field.extensions);
      const entity = reference && schema.getType(reference.type);
      if (!reference || !isObjectType(entity)) continue;
      for (const name of reference.provides) {
        const target = entity.getFields()[name] as GraphQLField<unknown, GatewayContext> | undefined;
        if (target && !wrapped.has(target)) {
          providedOrOwn(target);
          wrapped.add(target);
        }
      }
    }
  }
  return schema;
}
