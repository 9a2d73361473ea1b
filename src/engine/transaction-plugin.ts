import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { RequestContext } from './context';

/**
 * Ends each request's transaction before the response leaves: a mutation that raised an error rolls
 * back whole; otherwise it commits. A failed commit replaces the answer, since nothing was written.
 */
export const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, operation, errors }) {
        const body = response.body.kind === 'single' ? response.body.singleResult : null;
        const isMutation = operation?.operation === OperationTypeNode.MUTATION;
        const hasErrors = (errors?.length ?? 0) > 0 || (body?.errors?.length ?? 0) > 0;
        const commit = !(isMutation && hasErrors);
        // Statements this request sent (transaction control included): tests and the benchmark read it.
        response.http.headers.set(
          'x-sql-statements',
          String(contextValue.db.statementCount + (contextValue.db.opened ? 1 : 0)),
        );
        try {
          await contextValue.db.finish(commit);
        } catch (error) {
          contextValue.log.error({ err: error }, 'commit failed');
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
        }
      },
    };
  },
};
