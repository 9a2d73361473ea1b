import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from './context';
import { selectedFields } from './columns/selected-fields';

/** One root field, not behind a fragment or a directive: the whole operation is that field's resolver. */
const isOneRootField = (operation: OperationDefinitionNode) => {
  const [only, ...more] = operation.selectionSet.selections;
  return more.length === 0 && only.kind === Kind.FIELD && !only.directives?.length;
};

/**
 * The request plan, made once the operation is known and before it runs: the columns its loaders select
 * and how its session uses the database. A query reads (its reads may skip the transaction,
 * tenant-session.ts) and its loaders select only the columns its fields read; a mutation of one root
 * field writes alone (TenantDb.sole); any other mutation runs in the request's transaction, reading
 * whole rows, since its resolvers read rows for their writes too. Jobs, webhooks and `withTenant` never
 * pass here, so they all read whole rows.
 */
function planRequest(
  ctx: RequestContext,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
): void {
  if (operation?.operation === OperationTypeNode.QUERY) {
    ctx.requestColumns.useOperation(selectedFields(schema, document, operation));
    ctx.db.plan('read');
  } else if (operation?.operation === OperationTypeNode.MUTATION && isOneRootField(operation)) {
    ctx.db.plan('sole');
  }
}

/**
 * Plans each request (planRequest) and ends its transaction before the response leaves: a mutation
 * that raised an error rolls back whole; otherwise it commits. A failed commit replaces the answer,
 * since nothing was written, and so does any database outage the request met. With `statementCount`,
 * the response says how many statements the request sent (`x-sql-statements`; never in production,
 * where it would describe the database work to any client).
 */
export const requestPlanPlugin = (options: { statementCount: boolean }): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, schema, document, operation }) {
        planRequest(contextValue, schema, document, operation);
      },
      async willSendResponse({ contextValue, response, operation, errors }) {
        const body = response.body.kind === 'single' ? response.body.singleResult : null;
        const isMutation = operation?.operation === OperationTypeNode.MUTATION;
        const hasErrors = (errors?.length ?? 0) > 0 || (body?.errors?.length ?? 0) > 0;
        const commit = !(isMutation && hasErrors);
        // Statements this request sent (transaction control included): tests and the benchmark read it.
        if (options.statementCount) {
          response.http.headers.set(
            'x-sql-statements',
            String(contextValue.db.statementCount + contextValue.db.closingStatements),
          );
        }
        // A read that met a database outage fails whole, as a failed commit does: 503, so clients retry.
        let outage = body?.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') ?? false;
        try {
          await contextValue.db.finish(commit);
        } catch (error) {
          contextValue.log.error({ err: error }, 'commit failed');
          outage = true;
        }
        // A write that committed by itself stands: its answer keeps its data, the failure on its fields.
        if (!outage || contextValue.db.committedAlone) return;
        if (body) {
          body.data = null;
          body.errors = [
            {
              message: 'The service is temporarily unavailable; retry shortly',
              extensions: { code: 'SERVICE_UNAVAILABLE', requestId: contextValue.requestId },
            },
          ];
        }
        response.http.status = 503;
      },
    };
  },
});
