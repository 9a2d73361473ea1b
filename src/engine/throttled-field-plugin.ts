import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

/**
 * A field a plugin throttled (THROTTLED with `retryAfterSeconds`, e.g. too many sign-ins) answers the
 * whole request as the rate limit does: HTTP 429 with Retry-After, so clients back off the same way.
 */
export const throttledFieldPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body.kind === 'single' ? response.body.singleResult : null;
        const waits = (body?.errors ?? [])
          .filter((e) => e.extensions?.code === 'THROTTLED')
          .map((e) => Number(e.extensions?.retryAfterSeconds))
          .filter((s) => Number.isFinite(s) && s > 0);
        if (waits.length === 0) return;
        response.http.status = 429;
        response.http.headers.set('retry-after', String(Math.max(...waits)));
      },
    };
  },
};
