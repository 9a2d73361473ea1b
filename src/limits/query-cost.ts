import { getVariableValues, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CostHint } from '../sdk';
import { staticCost } from './cost';

const CACHE_PER_DOCUMENT = 100;
const costs = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * The requested cost of one operation with its variables, cached per document and variables. Null when
 * the variables do not coerce: execution then reports that, and the request pays the minimum.
 */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  hints: ReadonlyMap<string, CostHint>,
): number | null {
  const key = `${operation.name?.value ?? ''}\n${JSON.stringify(rawVariables ?? {})}`;
  let byVariables = costs.get(document);
  const cached = byVariables?.get(key);
  if (cached !== undefined) return cached;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if ('errors' in coerced && coerced.errors) return null;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const cost = staticCost({ schema, operation, fragments, variables: coerced.coerced, hints });
  if (!byVariables) costs.set(document, (byVariables = new Map()));
  if (byVariables.size >= CACHE_PER_DOCUMENT) byVariables.clear();
  byVariables.set(key, cost);
  return cost;
}
