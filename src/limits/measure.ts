import {
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { operationDepths } from './depth';
import { countTokens } from './tokens';

/** What the per-tenant limits are compared against; static per document and operation. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  tokens: number;
}

interface DocumentMeasures {
  tokens: number;
  depths: Record<string, number>;
  operations: Map<string, OperationMeasure>;
}

/** Apollo keeps one parsed document per query text, so a measure is computed once per document. */
const cache = new WeakMap<DocumentNode, DocumentMeasures>();

function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>) {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending = [operation as OperationDefinitionNode | FragmentDefinitionNode];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...used.values()];
}

/** Distinct response keys at the root, with fragments expanded (what execution would resolve). */
function rootResponseKeys(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  keys = new Set<string>(),
) {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) keys.add((selection.alias ?? selection.name).value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootResponseKeys(selection.selectionSet, fragments, keys);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootResponseKeys(fragment.selectionSet, fragments, keys);
    }
  }
  return keys;
}

function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  measures: DocumentMeasures,
): OperationMeasure {
  let aliases = 0;
  let directives = 0;
  for (const node of [operation, ...fragmentsUsedBy(operation, fragments)]) {
    visit(node, {
      Field: (field) => void (field.alias && aliases++),
      Directive: () => void directives++,
    });
  }
  return {
    depth: measures.depths[operation.name?.value ?? ''] ?? 0,
    aliases,
    rootFields: rootResponseKeys(operation.selectionSet, fragments).size,
    directives,
    tokens: measures.tokens,
  };
}

/**
 * Measures the selected operation of a document that passed validation (Apollo calls
 * `didResolveOperation` only then), caching the result on the document.
 */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  source: string,
): OperationMeasure {
  let measures = cache.get(document);
  if (!measures) {
    measures = { tokens: countTokens(source), depths: operationDepths(schema, document), operations: new Map() };
    cache.set(document, measures);
  }
  const key = operation.name?.value ?? '';
  let found = measures.operations.get(key);
  if (!found) {
    const fragments = new Map(
      document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
    found = measureOperation(operation, fragments, measures);
    measures.operations.set(key, found);
  }
  return found;
}
