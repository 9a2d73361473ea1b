import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { Edge } from '../http/edge';
import { RedisTextCache } from './apq-cache';
import { loadDocumentStore, type DocumentStore } from './manifests';
import { requireRegisteredDocuments, resolveDocumentId } from './middleware';

/** Automatic persisted queries live a day; clients resend the full text after that. */
const APQ_TTL_SECONDS = 24 * 3600;

/**
 * Apollo's `persistedQueries` option: in Redis when REDIS_URL is set (shared by every instance),
 * else Apollo's own in-memory cache.
 */
export function apqOptions(env: Pick<Env, 'REDIS_URL' | 'REDIS_KEY_PREFIX'>) {
  if (!env.REDIS_URL) return { options: { ttl: APQ_TTL_SECONDS }, close: async () => undefined };
  const cache = new RedisTextCache(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}apq:`);
  return { options: { cache, ttl: APQ_TTL_SECONDS }, close: () => cache.close() };
}

/** The tenants' registered documents; a bad manifest is logged and left out. */
export function trustedDocuments(tenantsDir: string, tenantIds: readonly string[], log: Logger): DocumentStore {
  const { store, problems } = loadDocumentStore(tenantsDir, tenantIds);
  for (const p of problems) log.error({ file: p.file, problem: p.problem }, 'document manifest refused');
  return store;
}

/** The edge with `documentId` resolved before the parameters are checked, and registration checked after auth. */
export function withTrustedDocuments(edge: Edge, store: DocumentStore): Edge {
  return {
    ...edge,
    parameters: [resolveDocumentId(store), ...edge.parameters],
    authenticated: [...edge.authenticated, requireRegisteredDocuments(store)],
  };
}

export { documentIdOf } from './document-id';
export type { DocumentStore } from './manifests';
