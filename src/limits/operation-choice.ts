import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { requestError } from './limit-error';

/**
 * The operation to run must be known, and of a type the schema has, before any step after validation:
 * a document of several operations names one with `operationName`, and that name must be one of them.
 * graphql-js says so only when it executes; the steps before it (limits, cost, columns, cache, the
 * compiled executor) expect an operation they can run.
 */
export function checkOperationChosen(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  operationName: string | null | undefined,
): asserts operation is OperationDefinitionNode {
  if (!operation) {
    throw requestError(
      'BAD_REQUEST',
      operationName
        ? `Unknown operation named "${operationName}"`
        : 'The document has several operations: name the one to run with operationName',
    );
  }
  if (!schema.getRootType(operation.operation)) {
    throw requestError('BAD_REQUEST', `This API has no ${operation.operation} operations`);
  }
}
