import {
  Kind,
  print,
  visit,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { withReferencesAsked } from './reference-selection';

/** One field of the caller's operation, as it is sent on to the service that resolves it. */
export interface ForwardedField {
  /** The field with its arguments and selection, fragments inlined, without alias. */
  node: FieldNode;
  /** Printed without alias: equal texts may share one alias in a batched call. */
  text: string;
  /** The operation's variables it uses, with their definitions and values. */
  variables: Map<string, { definition: VariableDefinitionNode; value: unknown }>;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** Inlines named fragments and asks for `__typename` in every selection (abstract types need it). */
function inlined(selectionSet: SelectionSetNode, info: GraphQLResolveInfo): SelectionSetNode {
  return visit(selectionSet, {
    FragmentSpread(spread) {
      const fragment = info.fragments[spread.name.value];
      if (!fragment) return null;
      return {
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        directives: spread.directives,
        selectionSet: inlined(fragment.selectionSet, info),
      };
    },
    SelectionSet: {
      leave(node) {
        return { ...node, selections: [...node.selections, TYPENAME] };
      },
    },
  });
}

interface FieldShape {
  node: FieldNode;
  text: string;
  definitions: VariableDefinitionNode[];
}

/**
 * The printed shape of each field of a document, by its first node: Apollo keeps parsed documents, so a
 * list of 50 products prints its `rating` once, not once per product and request.
 */
const shapes = new WeakMap<FieldNode, FieldShape>();

function shapeOf(info: GraphQLResolveInfo): FieldShape {
  const [first] = info.fieldNodes;
  const known = shapes.get(first);
  if (known) return known;
  const selections = info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []);
  // Our entities below it are asked as references: the service answers their ids, we complete them.
  const node = withReferencesAsked(
    {
      ...first,
      alias: undefined,
      directives: [],
      selectionSet: selections.length > 0 ? inlined({ kind: Kind.SELECTION_SET, selections }, info) : undefined,
    },
    info,
  );
  const used = new Set<string>();
  visit(node, { Variable: (v) => void used.add(v.name.value) });
  const definitions = (info.operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value));
  const shape = { node, text: print(node), definitions };
  shapes.set(first, shape);
  return shape;
}

/** The field a resolver answers (its nodes merged), ready to be sent on. */
export function forwardedField(info: GraphQLResolveInfo): ForwardedField {
  const { node, text, definitions } = shapeOf(info);
  const variables = new Map<string, { definition: VariableDefinitionNode; value: unknown }>();
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    variables.set(name, { definition, value: info.variableValues[name] });
  }
  return { node, text, variables };
}

/** `($a: Int, $b: String)` for the variables of some forwarded fields, and their values. */
export function variablesOf(fields: readonly ForwardedField[]): {
  definitions: string[];
  values: Record<string, unknown>;
} {
  const definitions = new Map<string, string>();
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    for (const [name, { definition, value }] of field.variables) {
      definitions.set(name, `$${name}: ${print(definition.type)}`);
      values[name] = value;
    }
  }
  return { definitions: [...definitions.values()], values };
}

/** The field printed under an alias. */
export const aliased = (field: ForwardedField, alias: string): string =>
  print({ ...field.node, alias: { kind: Kind.NAME, value: alias } });
