import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { RequestContext } from '../engine/context';
import type { Tenant } from '../sdk';
import { isCacheable } from './cacheable';
import type { MemoryResponseStore } from './memory-store';
import type { TenantWrites } from './tenant-writes';

export type CachedData = Record<string, unknown>;

export interface CachePluginDeps {
  writes: TenantWrites;
  store: MemoryResponseStore<CachedData>;
  fields: ReadonlySet<string>;
}

/** A reloaded tenant configuration is a new object: its answers get new keys (currency, plugins). */
const epochs = new WeakMap<Tenant, number>();
let nextEpoch = 0;
const epochOf = (tenant: Tenant) => epochs.get(tenant) ?? (epochs.set(tenant, ++nextEpoch), nextEpoch);

/**
 * Serves cached storefront catalog answers without executing (no SQL), after authentication, rate
 * limits and the document's limits and cost checks have run. Mutations mark their tenant's writes.
 */
export function responseCachePlugin({ writes, store, fields }: CachePluginDeps): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let generation = 0;
      let hit = false;
      let writing = false;
      return {
        async responseForOperation({ contextValue: ctx, operation, queryHash, operationName, request }) {
          if (operation.operation === OperationTypeNode.MUTATION) {
            writes.begin(ctx.tenant.id);
            writing = true;
            return null;
          }
          if (!isCacheable(ctx, operation, fields)) return null;
          generation = writes.generation(ctx.tenant.id);
          key = `${ctx.tenant.id}\n${epochOf(ctx.tenant)}\n${generation}\n${queryHash}\n${operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
          const data = store.get(key);
          if (!data) return null;
          hit = true;
          return {
            body: { kind: 'single', singleResult: { data } },
            http: { status: undefined, headers: new HeaderMap() },
          };
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (writing) {
            // Once the transaction has ended, answers begun during the write are refused, later ones stored.
            void ctx.db.settled.finally(() => writes.end(ctx.tenant.id));
            return;
          }
          if (!key) return;
          response.http.headers.set('x-cache', hit ? 'hit' : 'miss');
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (hit || !result?.data || result.errors?.length) return;
          if (writes.quiet(ctx.tenant.id, generation)) store.set(key, result.data);
        },
      };
    },
  };
}
