import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLFieldMap,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;
interface Found {
  node: FieldNode;
  parent: GraphQLCompositeType;
}

/** The field answering `key` in a selection set, fragments included, with the type it is selected on. */
function fieldFor(
  schema: GraphQLSchema,
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  key: string,
  fragments: Fragments,
): Found | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias ?? selection.name).value === key) return { node: selection, parent };
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    const condition = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
    if (!fragment || !condition || !isCompositeType(condition)) continue;
    const found = fieldFor(schema, fragment.selectionSet, condition, key, fragments);
    if (found) return found;
  }
  return undefined;
}

/**
 * The `Type.field` a response path points at (`['guestbook', 'nodes', 0, 'message']` names
 * `GuestbookEntry.message`), to tell whose resolver failed. A field selected on an interface names the
 * interface: which object the failing row was is known only at run time.
 */
export function fieldAtPath(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  path: readonly (string | number)[],
): string | undefined {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  let parent: GraphQLCompositeType | undefined = schema.getRootType(operation.operation) ?? undefined;
  let set: SelectionSetNode | undefined = operation.selectionSet;
  let field: string | undefined;
  for (const key of path) {
    if (typeof key === 'number') continue;
    const found: Found | undefined = parent && set ? fieldFor(schema, set, parent, key, fragments) : undefined;
    if (!found) return undefined;
    const name: string = found.node.name.value;
    field = `${found.parent.name}.${name}`;
    const fields: GraphQLFieldMap<unknown, unknown> =
      isObjectType(found.parent) || isInterfaceType(found.parent) ? found.parent.getFields() : {};
    const type: GraphQLNamedType | undefined = fields[name] && getNamedType(fields[name].type);
    parent = type && isCompositeType(type) ? type : undefined;
    set = found.node.selectionSet;
  }
  return field;
}
