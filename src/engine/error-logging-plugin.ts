import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GatewayError } from '../sdk';
import { stampRequestId } from '../http/errors';
import type { RequestContext } from './context';

/**
 * Logs in full every error that clients see masked (anything that is not a GatewayError), and gives
 * masked answers the request id that finds that log line.
 */
export const errorLoggingPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof GatewayError || original === error) continue;
          contextValue.log.error({ err: original, path: error.path }, 'resolver failed');
        }
      },
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind === 'single') stampRequestId(response.body.singleResult.errors, contextValue.requestId);
      },
    };
  },
};
