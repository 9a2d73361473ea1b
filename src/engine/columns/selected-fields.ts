import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { requiresOf } from '../../plugins/remote/requires';

/** Field names an operation selects, by object type name. */
export type SelectedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** Apollo keeps one parsed document per query text, so the analysis runs once per document and operation. */
const cache = new WeakMap<DocumentNode, Map<string, SelectedFields>>();

/** The object types a selection on `type` may meet at run time (every implementation of an interface). */
function objectTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [];
}

class Walker {
  readonly fields = new Map<string, Set<string>>();
  /** Selection sets already walked for a set of parent types: fragments used twice are walked once. */
  private readonly seen = new Map<SelectionSetNode, Set<string>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  walk(set: SelectionSetNode, parents: readonly GraphQLObjectType[]): void {
    const key = parents.map((t) => t.name).join(',');
    const seen = this.seen.get(set) ?? new Set<string>();
    if (seen.has(key)) return;
    this.seen.set(set, seen.add(key));
    // @skip and @include are ignored: the union of both outcomes is the conservative answer.
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) this.field(selection.name.value, selection.selectionSet, parents);
      else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
        if (!fragment) continue;
        this.walk(fragment.selectionSet, this.narrow(parents, fragment.typeCondition?.name.value));
      }
    }
  }

  /** The parents a fragment on `condition` applies to (an interface condition keeps its implementations). */
  private narrow(parents: readonly GraphQLObjectType[], condition: string | undefined) {
    const type = condition ? this.schema.getType(condition) : undefined;
    if (!type) return parents;
    const allowed = new Set(objectTypes(this.schema, type));
    return parents.filter((parent) => allowed.has(parent));
  }

  private field(name: string, set: SelectionSetNode | undefined, parents: readonly GraphQLObjectType[]) {
    if (name.startsWith('__')) return;
    const children = new Set<GraphQLObjectType>();
    for (const parent of parents) {
      const selected = this.fields.get(parent.name) ?? new Set<string>();
      this.fields.set(parent.name, selected.add(name));
      const definition = parent.getFields()[name];
      // A remote field that requires fields of ours (`@requires`) reads them on its parent.
      const required = requiresOf(definition?.extensions);
      if (required) this.walk(required, [parent]);
      if (set && definition) for (const t of objectTypes(this.schema, getNamedType(definition.type))) children.add(t);
    }
    if (set && children.size) this.walk(set, [...children]);
  }
}

/**
 * The fields an operation of a validated document selects on each object type, following fragments and
 * inline fragments; a field selected on an interface or union counts for every type that implements it.
 */
export function selectedFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): SelectedFields {
  let byOperation = cache.get(document);
  if (!byOperation) cache.set(document, (byOperation = new Map()));
  const key = operation.name?.value ?? '';
  let found = byOperation.get(key);
  if (!found) {
    const fragments = new Map(
      document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
    const root = schema.getRootType(operation.operation);
    const walker = new Walker(schema, fragments);
    if (root) walker.walk(operation.selectionSet, [root]);
    found = walker.fields;
    byOperation.set(key, found);
  }
  return found;
}
