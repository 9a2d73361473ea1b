import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Env } from '../config/env';
import { createFormatError } from '../http/errors';
import { MAX_RECURSIVE_SELECTIONS, PARSE_MAX_TOKENS } from '../limits';
import type { RequestContext } from './context';
import type { jitGateway } from './jit-gateway';

type Plugin = ApolloServerPlugin<RequestContext>;

/**
 * The gateway's Apollo plugins, in the order Apollo calls their hooks (docs/architecture.md, "A request"):
 * instruments first so they see every outcome; protection refuses an operation before anything is spent
 * on it; the response cache answers before the request plan opens a database session; a field refused
 * for too many attempts turns the answer into a 429; error logging last, once the errors are final.
 */
export const APOLLO_PLUGIN_ORDER = [
  'instruments',
  'protection',
  'responseCache',
  'requestPlan',
  'throttledField',
  'errorLogging',
] as const;

/** One plugin per name; the response cache is absent when it is not configured. */
export type ApolloPlugins = Record<Exclude<(typeof APOLLO_PLUGIN_ORDER)[number], 'responseCache'>, Plugin> & {
  responseCache?: Plugin;
};

/** The plugins as Apollo takes them: its own landing page and cache-control headers off, then ours in order. */
export function orderedPlugins(plugins: ApolloPlugins): Plugin[] {
  const ours = APOLLO_PLUGIN_ORDER.flatMap((name) => (plugins[name] ? [plugins[name]] : []));
  return [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...ours];
}

/** Apollo Server over the served schema, executed by graphql-jit (`gateway`), started. */
export async function startApollo(parts: {
  env: Env;
  gateway: ReturnType<typeof jitGateway>;
  persistedQueries: ConstructorParameters<typeof ApolloServer<RequestContext>>[0]['persistedQueries'];
  plugins: ApolloPlugins;
}): Promise<ApolloServer<RequestContext>> {
  const { env } = parts;
  const apollo = new ApolloServer<RequestContext>({
    // Compiled execution (graphql-jit) behind Apollo's gateway interface: same schema, same pipeline.
    gateway: parts.gateway,
    formatError: createFormatError({ development: env.NODE_ENV === 'development' }),
    includeStacktraceInErrorResponses: false,
    // Shutdown is the server's (drain, then exit 0). Apollo's own handler, on by default outside
    // NODE_ENV=test, would stop at once and kill the process with the signal, dropping requests in flight.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: env.NODE_ENV !== 'development',
    // Introspection is checked per caller (admins may always) in the protection plugin.
    introspection: true,
    csrfPrevention: true,
    parseOptions: { maxTokens: PARSE_MAX_TOKENS },
    persistedQueries: parts.persistedQueries,
    maxRecursiveSelections: MAX_RECURSIVE_SELECTIONS,
    plugins: orderedPlugins(parts.plugins),
  });
  await apollo.start();
  return apollo;
}
