import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { PluginDefinition } from '../sdk';
import { MemoryBucketStore } from './memory-bucket-store';
import { FallbackBucketStore, RedisBucketStore } from './redis-bucket-store';
import { RateLimiter } from './rate-limiter';
import type { BucketStore } from './bucket-store';
import { collectCostHints } from './cost-hints';
import { protectionPlugin } from './protection-plugin';

/** The parser stops beyond the largest maxTokens a tenant may configure; each tenant's own is checked after. */
export const PARSE_MAX_TOKENS = 50_000;
/** Selections with fragments expanded (Apollo's rule), so no measure walks an exponential fragment fan-out. */
export const MAX_RECURSIVE_SELECTIONS = 10_000;

export interface Protection {
  limiter: RateLimiter;
  /** The limiter's bucket store, shared with plugins' attempt buckets (ctx.attempts). */
  store: BucketStore;
  plugin: ReturnType<typeof protectionPlugin>;
  /** Takes the cost hints of a new set of plugins (a remote service joined). */
  rehint(plugins: readonly PluginDefinition[]): void;
}

/** The rate limiter (Redis when REDIS_URL is set, else in memory) and the Apollo plugin enforcing the limits. */
export function createProtection(env: Env, plugins: readonly PluginDefinition[], log: Logger): Protection {
  const memory = new MemoryBucketStore();
  const store = env.REDIS_URL
    ? new FallbackBucketStore(new RedisBucketStore(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}bucket:`), memory, log)
    : memory;
  const limiter = new RateLimiter(store, env.RATE_LIMIT_CREDENTIAL_SHARE);
  const hints = new Map(collectCostHints(plugins));
  const plugin = protectionPlugin({
    hints,
    limiter,
    introspection: env.INTROSPECTION,
    maxStringLength: env.MAX_INPUT_STRING_LENGTH,
  });
  const rehint = (next: readonly PluginDefinition[]) => {
    hints.clear();
    for (const [coordinate, hint] of collectCostHints(next)) hints.set(coordinate, hint);
  };
  return { limiter, store, plugin, rehint };
}

export { isTokenLimitError } from './tokens';
export type { RateLimiter } from './rate-limiter';
