import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { GatewayContext } from '../sdk';
import type { TenantSession } from '../db/tenant-session';
import { isCacheable } from './cacheable';
import type { ResponseStore, WriteMark } from './store';
import { tenantFingerprint } from './tenant-fingerprint';

/** What the plugin reads of a request's context: its tenant, and its session to wait for the commit. */
type CacheContext = GatewayContext & { db: TenantSession };

export interface CachePluginDeps {
  store: ResponseStore;
  fields: ReadonlySet<string>;
}

/**
 * Serves cached storefront catalog answers without executing (no SQL), after authentication, rate
 * limits and the document's limits and cost checks have run. Mutations mark their tenant's writes.
 */
export function responseCachePlugin({ store, fields }: CachePluginDeps): ApolloServerPlugin<CacheContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let generation = 0;
      let hit = false;
      let write: WriteMark | undefined;
      return {
        async responseForOperation({ contextValue: ctx, operation, queryHash, operationName, request }) {
          if (operation.operation === OperationTypeNode.MUTATION) {
            // Marked before anything is written, so no answer computed meanwhile is stored.
            write = await store.begin(ctx.tenant.id);
            return null;
          }
          if (!isCacheable(ctx, operation, fields)) return null;
          // The configuration's hash: a reloaded tenant file with other settings gets other keys.
          const candidate = `${tenantFingerprint(ctx.tenant)}\n${queryHash}\n${operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
          const found = await store.lookup(ctx.tenant.id, candidate);
          if (!found) return null;
          key = candidate;
          generation = found.generation;
          if (!found.data) return null;
          hit = true;
          return {
            body: { kind: 'single', singleResult: { data: found.data } },
            http: { status: undefined, headers: new HeaderMap() },
          };
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (write) {
            // Once the transaction has ended, answers begun during the write are refused, later ones stored.
            const mark = write;
            void ctx.db.settled.finally(() => mark.end());
            return;
          }
          if (!key) return;
          response.http.headers.set('x-cache', hit ? 'hit' : 'miss');
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (hit || !result?.data || result.errors?.length) return;
          await store.store(ctx.tenant.id, key, generation, result.data);
        },
      };
    },
  };
}
