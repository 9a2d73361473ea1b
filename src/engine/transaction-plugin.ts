import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from './context';

/** One root field, not behind a fragment or a directive: the whole operation is that field's resolver. */
const isOneRootField = (operation: OperationDefinitionNode) => {
  const [only, ...more] = operation.selectionSet.selections;
  return more.length === 0 && only.kind === Kind.FIELD && !only.directives?.length;
};

/**
 * Marks queries read-only (their reads may skip the transaction, tenant-session.ts), lets a mutation of
 * one root field write alone (TenantDb.sole), and
 * ends each request's transaction before the response leaves: a mutation that raised an error rolls
 * back whole; otherwise it commits. A failed commit replaces the answer, since nothing was written,
 * and so does any database outage the request met. With `statementCount`, the response says how many
 * statements the request sent (`x-sql-statements`; never in production, where it would describe the
 * database work to any client).
 */
export const transactionPlugin = (options: { statementCount: boolean }): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (operation?.operation === OperationTypeNode.QUERY) contextValue.db.markReadOnly();
        if (operation?.operation === OperationTypeNode.MUTATION && isOneRootField(operation)) {
          contextValue.db.allowSoleWrite();
        }
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
