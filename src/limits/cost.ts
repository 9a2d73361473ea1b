import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type CostHint } from '../sdk';
import { requestError } from './limit-error';

/**
 * Static cost in the manner of Shopify's: an object costs 1, a scalar or enum 0, a connection 2 plus
 * its page size times the cost of what is selected in it, a list sized by an argument that size times
 * its items' cost. Edges and PageInfo are structure and cost nothing. Plugins adjust any field with a
 * hint (`Type.field`: cost, multipliers, defaultSize).
 */
export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Coerced variable values. */
  variables: Record<string, unknown>;
  hints: ReadonlyMap<string, CostHint>;
}

const isConnection = (typeName: string) => typeName.endsWith('Connection');
const isStructure = (typeName: string) => typeName.endsWith('Edge') || typeName === 'PageInfo';

function included(node: FieldNode | SelectionSetNode['selections'][number], variables: Record<string, unknown>) {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The page size a multiplier argument asks for; out of range is BAD_USER_INPUT before any resolver runs. */
function sizeOf(args: Record<string, unknown>, names: readonly string[]): number | undefined {
  for (const name of names) {
    const value = args[name];
    if (value == null) continue;
    const size = Array.isArray(value) ? value.length : value;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
      throw requestError('BAD_USER_INPUT', `${name} must be between 0 and ${MAX_PAGE_SIZE}`, {
        extensions: { argument: name },
      });
    }
    return size;
  }
  return undefined;
}

function fieldCost(
  input: CostInput,
  parent: GraphQLCompositeType,
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  children: (type: GraphQLCompositeType) => number,
) {
  const named = getNamedType(def.type);
  const hint = input.hints.get(`${parent.name}.${def.name}`);
  const connection = isConnection(named.name);
  const own = hint?.cost ?? (connection ? 2 : isStructure(named.name) ? 0 : isCompositeType(named) ? 1 : 0);
  const multipliers = hint?.multipliers ?? (connection ? ['first', 'last'] : []);
  const args = multipliers.length ? getArgumentValues(def, node, input.variables) : {};
  const size = sizeOf(args, multipliers) ?? hint?.defaultSize ?? (connection ? DEFAULT_PAGE_SIZE : 1);
  const inner = node.selectionSet && isCompositeType(named) ? children(named) : 0;
  return connection ? own + size * inner : size * (own + inner);
}

export function staticCost(input: CostInput): number {
  // Fragments are costed once each: their cost does not depend on where they are spread.
  const fragmentCosts = new Map<string, number>();
  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection, input.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const def = parent.getFields()[selection.name.value];
        if (def)
          total += fieldCost(input, parent, def, selection, (type) => selectionCost(selection.selectionSet!, type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? input.schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type);
      } else {
        const name = selection.name.value;
        if (!fragmentCosts.has(name)) {
          const fragment = input.fragments.get(name);
          const type = fragment && input.schema.getType(fragment.typeCondition.name.value);
          fragmentCosts.set(
            name,
            fragment && type && isCompositeType(type) ? selectionCost(fragment.selectionSet, type) : 0,
          );
        }
        total += fragmentCosts.get(name)!;
      }
    }
    return total;
  };
  const root = input.schema.getRootType(input.operation.operation);
  return root ? selectionCost(input.operation.selectionSet, root) : 0;
}
