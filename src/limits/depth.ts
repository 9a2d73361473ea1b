import depthLimit from 'graphql-depth-limit';
import { validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Depth of each operation of a document, measured by graphql-depth-limit. Only call this with a document
 * that passed the specification's rules: the package follows fragment spreads blindly, so an unknown
 * fragment crashes it and a fragment cycle recurses until the stack overflows.
 */
export function operationDepths(schema: GraphQLSchema, document: DocumentNode): Record<string, number> {
  let depths: Record<string, number> = {};
  // Measuring only: the limit is compared per tenant by the caller, so the rule itself never reports.
  validate(schema, document, [depthLimit(Number.MAX_SAFE_INTEGER, {}, (measured) => (depths = measured))]);
  return depths;
}
