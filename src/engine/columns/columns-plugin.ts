import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { RequestContext } from '../context';
import { selectedFields } from './selected-fields';

/**
 * Gives the request the fields its operation selects, before execution, so loaders select only the
 * columns those fields read. Queries only: a mutation's resolvers read rows for their writes too, and
 * jobs, webhooks and `withTenant` never pass here, so they all read whole rows.
 */
export const columnsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, contextValue }) {
        if (operation?.operation === OperationTypeNode.QUERY) {
          contextValue.requestColumns.useOperation(selectedFields(schema, document, operation));
        }
      },
    };
  },
};
