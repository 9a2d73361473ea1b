import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { RequestContext } from './context';

/**
 * Marks queries read-only (their reads may skip the transaction, tenant-session.ts), and
 * ends each request's transaction before the response leaves: a mutation that raised an error rolls
 * back whole; otherwise it commits. A failed commit replaces the answer, since nothing was written,
 * and so does any database outage the request met.
 */
export const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (operation?.operation === OperationTypeNode.QUERY) contextValue.db.markReadOnly();
      },
      async willSendResponse({ contextValue, response, operation, errors }) {
        const body = response.body.kind === 'single' ? response.body.singleResult : null;
        const isMutation = operation?.operation === OperationTypeNode.MUTATION;
        const hasErrors = (errors?.length ?? 0) > 0 || (body?.errors?.length ?? 0) > 0;
        const commit = !(isMutation && hasErrors);
        // Statements this request sent (transaction control included): tests and the benchmark read it.
        response.http.headers.set(
          'x-sql-statements',
          String(contextValue.db.statementCount + contextValue.db.closingStatements),
        );
        // A read that met a database outage fails whole, as a failed commit does: 503, so clients retry.
        let outage = body?.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') ?? false;
        try {
          await contextValue.db.finish(commit);
        } catch (error) {
          contextValue.log.error({ err: error }, 'commit failed');
          outage = true;
        }
        if (!outage) return;
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
};
