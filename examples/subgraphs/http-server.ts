import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { graphql, Kind, OperationTypeNode, parse, type GraphQLSchema } from 'graphql';

/** What a service received: for tests that check what the gateway sends (and never sends). */
export interface ReceivedCall {
  authorization: string | undefined;
  traceparent: string | undefined;
  claims: JWTPayload | null;
  query: string;
  variables: Record<string, unknown>;
}

export interface ServiceOptions {
  port?: number;
  host?: string;
  /** The gateway's /.well-known/jwks.json; read when the first call comes (the gateway may start later). */
  jwksUrl: () => string;
  /** The audience this service expects: the connector's name in the gateway. */
  audience: string;
  /** Awaited before each answer (tests make the service slow with it). */
  hold?: () => Promise<void>;
}

export interface RunningService {
  url: string;
  received: ReceivedCall[];
  close(): Promise<void>;
}

const MAX_BODY = 100_000;

/**
 * The schema may be read without a token: the gateway reads it at start-up, before it serves the keys
 * its tokens are checked against. Everything else needs a token.
 */
function readsSchemaOnly(query: string): boolean {
  try {
    const document = parse(query);
    return document.definitions.every(
      (d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ||
        (d.kind === Kind.OPERATION_DEFINITION &&
          d.operation === OperationTypeNode.QUERY &&
          d.selectionSet.selections.every(
            (s) => s.kind === Kind.FIELD && ['_service', '__schema', '__typename'].includes(s.name.value),
          )),
    );
  } catch {
    return false;
  }
}

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > MAX_BODY) throw new Error('body too large');
  }
  return text;
}

/**
 * A minimal GraphQL-over-HTTP server for the example services: it accepts only calls carrying a token
 * the gateway signed for this service (checked against the gateway's public keys), and gives the
 * resolvers the verified claims as their context.
 */
export async function serveGraphQL(schema: GraphQLSchema, options: ServiceOptions): Promise<RunningService> {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const received: ReceivedCall[] = [];
  const send = (res: import('node:http').ServerResponse, status: number, payload: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const authorization = req.headers.authorization;
      const call: ReceivedCall = {
        authorization,
        traceparent: req.headers.traceparent as string,
        claims: null,
        query: '',
        variables: {},
      };
      received.push(call);
      try {
        const { query, variables } = JSON.parse(await body(req)) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        call.query = query;
        call.variables = variables ?? {};
        const token = authorization?.replace(/^Bearer /, '') ?? '';
        try {
          jwks ??= createRemoteJWKSet(new URL(options.jwksUrl()));
          call.claims = (
            await jwtVerify(token, jwks, {
              issuer: 'retail-gateway',
              audience: options.audience,
              algorithms: ['ES256'],
            })
          ).payload;
        } catch {
          if (readsSchemaOnly(query)) return send(res, 200, await graphql({ schema, source: query, contextValue: {} }));
          return send(res, 401, { errors: [{ message: 'invalid token', extensions: { code: 'UNAUTHENTICATED' } }] });
        }
        await options.hold?.();
        send(res, 200, await graphql({ schema, source: query, variableValues: variables, contextValue: call.claims }));
      } catch {
        send(res, 400, { errors: [{ message: 'bad request' }] });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
