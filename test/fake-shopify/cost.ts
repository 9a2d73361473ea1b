import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Shopify's query cost, approximately: scalars are free, an object costs 1, a connection costs
 * 2 + first x (cost of one node), a mutation costs 10. Close enough to exercise pacing.
 */
export function estimateCost(doc: DocumentNode, variables: Record<string, unknown>): number {
  let total = 0;
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    total += def.operation === OperationTypeNode.MUTATION ? 10 : selectionCost(def.selectionSet, variables);
  }
  return Math.max(1, total);
}

function selectionCost(set: SelectionSetNode | undefined, vars: Record<string, unknown>): number {
  if (!set) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) cost += fieldCost(sel, vars);
    else if (sel.kind === Kind.INLINE_FRAGMENT) cost += selectionCost(sel.selectionSet, vars);
  }
  return cost;
}

function fieldCost(field: FieldNode, vars: Record<string, unknown>): number {
  if (!field.selectionSet) return 0;
  const firstArg = field.arguments?.find((a) => a.name.value === 'first');
  if (!firstArg) {
    // `nodes`/`edges`/`node` inside a connection are priced by the connection itself.
    const transparent = ['nodes', 'edges', 'node'].includes(field.name.value);
    return (transparent ? 0 : 1) + selectionCost(field.selectionSet, vars);
  }
  const first = Number(valueOf(firstArg.value, vars) ?? 0);
  return 2 + first * (1 + selectionCost(field.selectionSet, vars));
}

function valueOf(node: ValueNode, vars: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return vars[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}
