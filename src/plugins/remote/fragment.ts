import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import type { RemoteService } from '../../sdk';
import { namedOf, providedFields, referenceType, type EntityReference } from './references';

/** What a remote service adds to the graph, as a plugin fragment the composer understands. */
export interface RemoteFragment {
  typeDefs: string;
  /** Fields it adds to our entity types (`Product` -> rating, reviews), resolved through `_entities`. */
  entityFields: Map<string, string[]>;
  /** Fields a plain service adds to our types through one of its root fields (`links`). */
  linkFields: Map<string, { field: string; argument: string }>;
  /** Its root fields, by root type. */
  rootFields: { Query: string[]; Mutation: string[] };
  /** Object types it defines: their fields are read from its answers by response key. */
  ownObjectTypes: Map<string, string[]>;
  /**
   * Fields of ours an entity field needs (`@requires(fields: "title")`), by `Type.field`: the gateway
   * resolves them on the parent and sends them in its representation.
   */
  requires: Map<string, SelectionSetNode>;
  /**
   * Fields of the service that return one of our entities (`Review.product`), by `Type.field`: the
   * service answers a reference (its id, and the fields it `@provides`), the gateway completes the rest.
   */
  references: Map<string, EntityReference>;
}

const KEPT_DIRECTIVES = new Set(['deprecated', 'specifiedBy']);
/** Federation's own machinery, never part of the composed graph. */
const FEDERATION_TYPE = /^(_Any|_Entity|_Service|FieldSet|link__\w+|federation__\w+|join__\w+)$/;

const named = (node: DefinitionNode): string | undefined => ('name' in node && node.name ? node.name.value : undefined);
const isKeyedById = (directives: readonly DirectiveNode[] = []) =>
  directives.some(
    (d) =>
      d.name.value === 'key' &&
      d.arguments?.some(
        (a) => a.name.value === 'fields' && a.value.kind === Kind.STRING && a.value.value.trim() === 'id',
      ),
  );
const isExternal = (field: FieldDefinitionNode) => field.directives?.some((d) => d.name.value === 'external');

/** The field set of a field's `@requires(fields: "...")`, parsed as a selection set. */
function requiredFields(field: FieldDefinitionNode): SelectionSetNode | undefined {
  const argument = field.directives
    ?.find((d) => d.name.value === 'requires')
    ?.arguments?.find((a) => a.name.value === 'fields');
  if (!argument) return undefined;
  if (argument.value.kind !== Kind.STRING) throw new Error(`@requires of ${field.name.value} is not a string`);
  const operation = parse(`{ ${argument.value.value} }`, { noLocation: true }).definitions[0];
  if (operation.kind !== Kind.OPERATION_DEFINITION)
    throw new Error(`@requires of ${field.name.value} is not a field set`);
  return operation.selectionSet;
}

/**
 * Types of ours the service declares only to describe the `@external` fields its `@requires` read
 * (`ProductPriceRange`, `Money`): they stay ours, the service's copy is left out. A type of ours that
 * one of the service's own fields returns is not among them: the service would be redefining it.
 */
function describedOnly(document: DocumentNode, localTypes: ReadonlySet<string>): Set<string> {
  const objects = new Map<string, readonly FieldDefinitionNode[]>();
  const entities = new Set<string>();
  for (const d of document.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    objects.set(d.name.value, d.fields ?? []);
    if (isKeyedById(d.directives)) entities.add(d.name.value);
  }
  /** Every type reached from `start` through fields (`all`), or through fields not `@external`. */
  const reached = (start: readonly string[], all: boolean) => {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const f of objects.get(name) ?? []) if (all || !isExternal(f)) queue.push(namedOf(f.type));
    }
    return seen;
  };
  const starts = [...objects.keys()].filter(
    (name) => !localTypes.has(name) || entities.has(name) || name === 'Query' || name === 'Mutation',
  );
  const served = new Set<string>();
  for (const name of starts)
    for (const f of objects.get(name)!)
      if (!isExternal(f)) for (const t of reached([namedOf(f.type)], false)) served.add(t);
  const external = [...objects.values()].flatMap((fields) => fields.filter(isExternal).map((f) => namedOf(f.type)));
  return new Set([...reached(external, true)].filter((t) => localTypes.has(t) && !served.has(t) && !entities.has(t)));
}
const unwrapList = (type: TypeNode): TypeNode =>
  type.kind === Kind.NON_NULL_TYPE
    ? unwrapList(type.type)
    : type.kind === Kind.LIST_TYPE
      ? type.type.kind === Kind.NON_NULL_TYPE
        ? type.type.type
        : type.type
      : type;

/**
 * The fields a service adds to our types and roots are nullable in the graph, whatever the service says:
 * when it fails, its fields alone are null, and the rest of the answer stands.
 */
const nullable = (fields: readonly FieldDefinitionNode[]): FieldDefinitionNode[] =>
  fields.map((f) => (f.type.kind === Kind.NON_NULL_TYPE ? { ...f, type: f.type.type } : f));

function withoutFederationDirectives(document: DocumentNode): DocumentNode {
  return visit(document, {
    Directive: (node) => (KEPT_DIRECTIVES.has(node.name.value) ? undefined : null),
  });
}

/**
 * Turns a service's SDL into a fragment of our graph. Its root types and the entity types we define
 * (`localTypes`; an object type keyed by `id`) become `extend type`, without key and `@external` fields;
 * federation's own types and directives go; for a plain service, the root fields named by `links` are
 * kept out of the graph and give the linked fields instead.
 */
export function remoteFragment(sdl: string, remote: RemoteService, localTypes: ReadonlySet<string>): RemoteFragment {
  const document = parse(sdl);
  const original = new Map(document.definitions.map((d) => [named(d), d]));
  const links = new Map(Object.entries(remote.links ?? {}));
  const linkedRootFields = new Set([...links.values()].map((l) => l.field));
  const rootFieldTypes = new Map<string, TypeNode>();
  const out: string[] = [];
  const entityFields = new Map<string, string[]>();
  const ownObjectTypes = new Map<string, string[]>();
  const rootFields = { Query: [] as string[], Mutation: [] as string[] };
  const requires = new Map<string, SelectionSetNode>();
  const described = describedOnly(document, localTypes);
  const entityTypes = new Set(
    document.definitions.flatMap((d) =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      localTypes.has(d.name.value) &&
      isKeyedById(d.directives)
        ? [d.name.value]
        : [],
    ),
  );
  const references = new Map<string, EntityReference>();
  /** The service's fields of `typeName` that return our entities, recorded, and nullable (a hidden one reads null). */
  const referencing = (typeName: string, fields: readonly FieldDefinitionNode[]): FieldDefinitionNode[] => {
    const source = original.get(typeName);
    const sourceFields = new Map(
      source && 'fields' in source
        ? (source.fields as readonly FieldDefinitionNode[]).map((f) => [f.name.value, f])
        : [],
    );
    return fields.map((f) => {
      const entity = namedOf(f.type);
      if (!entityTypes.has(entity)) return f;
      const coordinate = `${typeName}.${f.name.value}`;
      references.set(coordinate, {
        type: entity,
        provides: providedFields(sourceFields.get(f.name.value) ?? f, coordinate, original.get(entity), document),
      });
      return { ...f, type: referenceType(f.type) };
    });
  };

  const definitions = withoutFederationDirectives({
    ...document,
    definitions: document.definitions.filter((d) => {
      const name = named(d);
      if (!name || FEDERATION_TYPE.test(name)) return false;
      return (
        d.kind !== Kind.DIRECTIVE_DEFINITION && d.kind !== Kind.SCHEMA_DEFINITION && d.kind !== Kind.SCHEMA_EXTENSION
      );
    }),
  }).definitions;

  for (const definition of definitions) {
    const name = named(definition)!;
    const isObject = definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION;
    if (isObject && (name === 'Query' || name === 'Mutation')) {
      const fields = (definition.fields ?? []).filter((f) => {
        if (name === 'Query' && linkedRootFields.has(f.name.value)) {
          rootFieldTypes.set(f.name.value, f.type);
          return false;
        }
        return !f.name.value.startsWith('_');
      });
      rootFields[name].push(...fields.map((f) => f.name.value));
      if (fields.length > 0)
        out.push(
          print({
            ...definition,
            kind: Kind.OBJECT_TYPE_EXTENSION,
            fields: referencing(name, nullable(fields)),
            directives: [],
          }),
        );
      continue;
    }
    if (described.has(name)) continue;
    if (localTypes.has(name)) {
      const source = original.get(name) as ObjectTypeDefinitionNode | undefined;
      if (!isObject || !isKeyedById(source?.directives)) {
        // Scalars we define too are the same scalar; any other type of ours it may not redefine.
        if (definition.kind === Kind.SCALAR_TYPE_DEFINITION) continue;
        throw new Error(`type ${name} is ours: a service may only extend it as an entity keyed by id`);
      }
      const sourceFields = new Map(source!.fields?.map((f) => [f.name.value, f]));
      const fields = (definition.fields ?? []).filter(
        (f) => f.name.value !== 'id' && !isExternal(sourceFields.get(f.name.value)!),
      );
      if (fields.length === 0) continue;
      for (const f of fields) {
        const required = requiredFields(sourceFields.get(f.name.value)!);
        if (required) requires.set(`${name}.${f.name.value}`, required);
      }
      entityFields.set(
        name,
        fields.map((f) => f.name.value),
      );
      out.push(
        print({
          kind: Kind.OBJECT_TYPE_EXTENSION,
          name: definition.name,
          fields: referencing(name, nullable(fields)),
          directives: [],
        }),
      );
      continue;
    }
    if (isObject) {
      ownObjectTypes.set(
        name,
        (definition.fields ?? []).map((f) => f.name.value),
      );
      out.push(print({ ...definition, fields: referencing(name, definition.fields ?? []) }));
      continue;
    }
    out.push(print(definition));
  }

  const linkFields = new Map<string, { field: string; argument: string }>();
  for (const [coordinate, link] of links) {
    const [typeName, field] = coordinate.split('.');
    const type = rootFieldTypes.get(link.field);
    if (!type || !typeName || !field) throw new Error(`link ${coordinate}: the service has no Query.${link.field}`);
    linkFields.set(coordinate, link);
    out.push(`extend type ${typeName} { ${field}: ${print(unwrapList(type))} }`);
  }
  if (out.length === 0) throw new Error('the service adds nothing to the graph');
  return { typeDefs: out.join('\n\n'), entityFields, linkFields, rootFields, ownObjectTypes, requires, references };
}
