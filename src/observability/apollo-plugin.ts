import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestRecord } from './request-record';
import type { Tracing } from './tracing';

/**
 * Tells the request's record what the GraphQL layer knows: operation name and type, the response body
 * (read later, once final) and, with tracing on, a span around execution.
 */
export function observabilityPlugin(tracing: Tracing | null): ApolloServerPlugin<{ record?: RequestRecord }> {
  return {
    async requestDidStart({ contextValue }) {
      const record = contextValue.record;
      if (!record) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          record.operationName = operationName ?? null;
          record.operationType = operation?.operation;
        },
        async executionDidStart() {
          if (!tracing) return;
          const span = tracing.start(`graphql.execute ${record.operationName ?? ''}`.trim(), {
            parent: record.httpSpan,
            attributes: {
              'graphql.operation.type': record.operationType ?? '',
              'graphql.operation.name': record.operationName ?? '',
            },
          });
          record.executionSpan = span;
          return {
            async executionDidEnd(error) {
              if (error) span.fail('execution failed');
              span.end();
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') record.result = response.body.singleResult;
        },
      };
    },
  };
}
