import {
  defaultFieldResolver,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import { GatewayError, parseGlobalId, type GatewayContext } from '../../sdk';

/** A field of a service that returns one of our entities (`Review.product: Product`). */
export interface EntityReference {
  /** Our entity type. */
  type: string;
  /** Its fields the service answers itself (`@provides(fields: "...")`): leaf fields only. */
  provides: readonly string[];
}

/** Kept on the field of the composed schema: the forwarded selection and the provided fields read it. */
export interface ReferenceExtension {
  remoteReference?: EntityReference;
}

export const referenceOf = (extensions: unknown): EntityReference | undefined =>
  (extensions as ReferenceExtension | null | undefined)?.remoteReference;

/** The response key under which the service answers the reference's id (a caller's alias never is). */
const REFERENCE_ID = '_gatewayReferenceId';
/** The values a service provided, on the node the gateway completed from its reference. */
const PROVIDED = Symbol('fields a remote service provided');

const namedOf = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedOf(type.type));

/** The reference's type in the graph: nullable, its list items too (a hidden entity reads null, as in node()). */
export function referenceType(type: TypeNode): TypeNode {
  const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return inner.kind === Kind.LIST_TYPE ? { ...inner, type: referenceType(inner.type) } : inner;
}

/**
 * The fields of a reference's `@provides`: each must be a field without arguments that the service
 * declares `@external` on the entity, of a scalar or enum type (an object's value would reach our own
 * resolvers, which read rows, not a service's JSON).
 */
export function providedFields(
  field: FieldDefinitionNode,
  coordinate: string,
  entity: DefinitionNode | undefined,
  document: DocumentNode,
): string[] {
  const argument = field.directives
    ?.find((d) => d.name.value === 'provides')
    ?.arguments?.find((a) => a.name.value === 'fields');
  if (!argument) return [];
  if (argument.value.kind !== Kind.STRING) throw new Error(`@provides of ${coordinate} is not a string`);
  const operation = parse(`{ ${argument.value.value} }`, { noLocation: true }).definitions[0];
  if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error(`@provides of ${coordinate} is not a field set`);
  const declared = new Map(
    (entity && 'fields' in entity ? (entity.fields as readonly FieldDefinitionNode[]) : []).map((f) => [
      f.name.value,
      f,
    ]),
  );
  const composite = new Set(
    document.definitions.flatMap((d) =>
      [Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION].includes(
        d.kind as Kind,
      ) && 'name' in d
        ? [d.name!.value]
        : [],
    ),
  );
  return operation.selectionSet.selections.map((selection) => {
    const name = selection.kind === Kind.FIELD ? selection.name.value : '…';
    const external = declared.get(name);
    if (
      selection.kind !== Kind.FIELD ||
      selection.selectionSet ||
      selection.arguments?.length ||
      !external?.directives?.some((d) => d.name.value === 'external') ||
      composite.has(namedOf(external.type))
    )
      throw new Error(
        `@provides of ${coordinate}: ${name} is not an @external field of scalar or enum type without arguments`,
      );
    return name;
  });
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
const ID: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: REFERENCE_ID },
  name: { kind: Kind.NAME, value: 'id' },
};

/** The caller's fields of a reference that the service provides (inline fragments on the entity included). */
function providedSelections(set: SelectionSetNode, reference: EntityReference): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return reference.provides.includes(s.name.value) ? [s] : [];
    if (s.kind === Kind.INLINE_FRAGMENT && (!s.typeCondition || s.typeCondition.name.value === reference.type))
      return providedSelections(s.selectionSet, reference);
    return [];
  });
}

/**
 * A forwarded field (fragments inlined) with each reference below it asked as the service can answer
 * it: the id, and the caller's fields the service provides; our other fields are not the service's.
 */
export function withReferencesAsked(node: FieldNode, info: GraphQLResolveInfo): FieldNode {
  const typeInfo = new TypeInfo(info.schema, info.parentType);
  return visit(
    node,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const reference = referenceOf(typeInfo.getFieldDef()?.extensions);
        if (!reference || !field.selectionSet) return undefined;
        const selections = [TYPENAME, ID, ...providedSelections(field.selectionSet, reference)];
        return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections } };
      },
    }),
  );
}

const malformed = (service: string) =>
  new GatewayError('UPSTREAM_UNAVAILABLE', `The ${service} service answered a reference the gateway cannot read`, {
    plugin: service,
  });

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
