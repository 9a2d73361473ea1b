import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GatewayError, type PluginDefinition } from '../sdk';
import { carriesRequestId, errorCodeOf, stampRequestId } from '../http/errors';
import type { RequestContext } from './context';
import { fieldAtPath } from './field-at-path';
import { ownResolvers } from './resolver-owners';

/**
 * Logs once, at error level, the cause of every error that clients see masked: a resolver's error, or
 * one raised by a step of the engine (its original error, whose message and stack the logger scrubs of
 * secrets), with the GraphQL path, the field and the plugin resolving it. The request logger carries
 * the request id, which the masked answer shows too.
 */
export function errorLoggingPlugin(plugins: readonly PluginDefinition[]): ApolloServerPlugin<RequestContext> {
  const owners = ownResolvers(plugins);
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, schema, document, operation }) {
          for (const error of errors) {
            if (unwrapResolverError(error) instanceof GatewayError) continue;
            if (!carriesRequestId(errorCodeOf(error, error))) continue;
            const field =
              error.path && document && operation ? fieldAtPath(schema, document, operation, error.path) : undefined;
            const plugin = field ? owners.get(field)?.plugin : undefined;
            contextValue.log.error(
              { err: error.originalError ?? error, path: error.path, field, plugin },
              'masked error',
            );
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind === 'single')
            stampRequestId(response.body.singleResult.errors, contextValue.requestId);
        },
      };
    },
  };
}
