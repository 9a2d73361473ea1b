import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { GatewayError, type GatewayStatus, type PluginDefinition, type PluginRuntime } from '../sdk';
import { authenticate, type Authenticated } from '../auth/authenticate';
import type { TenantRegistry } from '../tenants/registry';
import type { TenantEntry } from '../tenants/load';
import type { RequestRecord } from '../observability/request-record';
import type { Edge } from './edge';
import { explorerAssets, explorerPage } from './explorer';
import { sendGraphQLError } from './respond';
import { authenticated, requestState } from '../observability/request-state';
import { chain } from './chain';
import { graphqlHandler } from './graphql-handler';
import { publicReadiness, readinessRoute } from './readiness';

/** `Context` is the engine's request context: this layer only builds it and hands it to Apollo. */
export interface AppDeps<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** The schema served now (it changes when a remote service joins). */
  schema: () => GraphQLSchema;
  registry: TenantRegistry;
  plugins: readonly PluginDefinition[];
  runtime: PluginRuntime;
  log: Logger;
  /** `log` is called when the request first logs: most never do, and a child logger costs microseconds. */
  buildContext: (
    auth: Authenticated,
    requestId: string,
    log: () => Logger,
    record?: RequestRecord,
    clientAddress?: string,
  ) => Context;
  status: () => Promise<GatewayStatus>;
  /** The public keys of the tokens the gateway sends remote services (/.well-known/jwks.json). */
  jwks?: () => unknown;
  explorer: { enabled: boolean; defaultHeaders: Record<string, string> };
  /** Request logging and metrics, and the gate that refuses work while starting or draining. */
  operations?: { metrics: unknown; observe: RequestHandler; gate: RequestHandler };
  /** The platform operators' pseudo-tenant, when OPERATOR_JWT_SECRET is set (src/auth/operator.ts). */
  operators?: TenantEntry | null;
  /** Edge guards: security headers, CORS, request shape and size, rate budget (src/http/edge.ts). */
  edge: Edge;
}

const header = (req: Request, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function wantsExplorer(req: Request): boolean {
  return req.method === 'GET' && !req.query.query && (req.headers.accept ?? '').includes('text/html');
}

export function createApp<Context extends BaseContext>(deps: AppDeps<Context>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const identify: RequestHandler = (req, res, next) => {
    const incoming = header(req, 'x-request-id');
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    requestState(res).requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
  // Few router layers before the routes: Express matches each layer's path again for every request.
  if (deps.operations) {
    app.locals.metrics = deps.operations.metrics;
    app.use(chain([identify, deps.operations.observe, deps.operations.gate, ...deps.edge.early]));
  } else {
    app.use(chain([identify, ...deps.edge.early]));
  }

  const authenticateRequest: RequestHandler = async (req, res, next) => {
    try {
      requestState(res).auth = await authenticate(
        deps.registry,
        {
          storefrontToken: header(req, 'x-storefront-token'),
          authorization: header(req, 'authorization'),
          customerAccessToken: header(req, 'x-customer-access-token'),
        },
        deps.operators,
      );
      next();
    } catch (error) {
      if (!(error instanceof GatewayError)) return next(error);
      const headers: Record<string, string> =
        error.code === 'UNAUTHENTICATED' ? { 'WWW-Authenticate': 'Bearer realm="retail-gateway"' } : {};
      sendGraphQLError(res, error.code, error.message, { headers });
    }
  };
  const graphql = graphqlHandler(deps.apollo, async (res) => {
    const state = requestState(res);
    const auth = authenticated(res);
    const requestId = state.requestId as string;
    const log = () => deps.log.child({ requestId, tenant: auth.entry.tenant.id });
    try {
      return deps.buildContext(auth, requestId, log, state.record, res.req.ip ?? '');
    } catch (error) {
      // Apollo answers a masked 500 before any of its plugins sees the request: the cause is logged here.
      log().error({ err: error }, 'masked error');
      throw error;
    }
  });
  // The request path as one router layer (src/http/chain.ts), and POSTs, the hot path, routed first.
  const graphqlRoute = chain([
    ...deps.edge.read,
    ...deps.edge.parameters,
    authenticateRequest,
    ...deps.edge.authenticated,
    graphql,
  ]);
  app.post('/graphql', graphqlRoute);

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  const jwks = deps.jwks;
  if (jwks) {
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.json(jwks());
    });
  }
  // Strangers learn ready or not; the details are on the operators' listener (src/http/admin-app.ts).
  app.get('/readyz', readinessRoute(deps.status, publicReadiness));

  let printed: { schema: GraphQLSchema; sdl: string } | undefined;
  const sdl = () => {
    const schema = deps.schema();
    if (printed?.schema !== schema) printed = { schema, sdl: printSchema(schema) };
    return printed.sdl;
  };
  app.get(
    '/graphql/schema.graphql',
    deps.edge.schema,
    (_req, res) => void res.type('text/plain; charset=utf-8').send(sdl()),
  );

  if (deps.explorer.enabled) {
    app.use('/graphql/explorer', explorerAssets());
    app.get('/graphql', (req, res, next) =>
      wantsExplorer(req) ? void res.type('html').send(explorerPage(deps.explorer.defaultHeaders)) : next(),
    );
  }

  for (const plugin of deps.plugins) {
    if (!plugin.routes) continue;
    const router = express.Router();
    plugin.routes(router, deps.runtime);
    app.use(`/plugins/${plugin.name}`, router);
  }

  // GET, and anything else under /graphql, after the explorer and schema routes.
  app.use('/graphql', graphqlRoute);

  app.use((_req, res) => sendGraphQLError(res, 'NOT_FOUND', 'Not found', { status: 404 }));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    const type = (error as { type?: string }).type;
    // The rest of a refused body is never read: the connection closes once the answer is out.
    if (type === 'entity.too.large') {
      const headers = { Connection: 'close' };
      return sendGraphQLError(res, 'BAD_REQUEST', 'Request body too large', { status: 413, headers });
    }
    if (status >= 400 && status < 500) {
      const message = type === 'entity.parse.failed' ? 'Malformed JSON body' : 'Bad request';
      return sendGraphQLError(res, 'BAD_REQUEST', message, { status: 400 });
    }
    deps.log.error({ err: error, requestId: requestState(res).requestId }, 'unhandled request error');
    sendGraphQLError(res, 'INTERNAL_SERVER_ERROR', 'Internal server error', { status: 500 });
  });
  return app;
}
