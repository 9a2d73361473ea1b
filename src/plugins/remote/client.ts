import { randomBytes } from 'node:crypto';
import { GatewayError, pluginSettings, type Principal, type RemoteService, type Tenant } from '../../sdk';
import type { ServiceTokenSigner } from '../../auth/service-tokens';

/** Whom a call is made for: taken from the request's verified credentials. */
export interface Caller {
  tenant: Tenant | null;
  /** `gateway` when the gateway calls for itself (reading the schema). */
  principal: { kind: Principal['kind'] | 'gateway'; scopes: readonly string[] };
  requestId: string;
}

/** Outcome of each call, for metrics: `ok`, or the error code the fields get. */
export type CallObserver = (connector: string, outcome: string, seconds: number) => void;

export interface RemoteClientOptions {
  name: string;
  remote: RemoteService;
  signer: ServiceTokenSigner;
  timeoutMs: number;
  observe?: CallObserver;
  /** With tracing on, each call made for a request is a span under the request's (see CallTracer). */
  tracer?: CallTracer;
}

/** The span of one call to a service: the engine makes it a child of the request's span, when tracing is on. */
export interface CallSpan {
  /** The `traceparent` that makes this span the parent of the service's spans. */
  traceparent: string | undefined;
  end(outcome: string): void;
}

/** Starts a call's span; undefined when tracing is off or the call is made outside a request. */
export type CallTracer = (connector: string, url: string) => CallSpan | undefined;

const DEFAULT_MAX_BYTES = 1_000_000;

/** A fresh trace id and parent id, when there is no span to continue: the service can still join its spans. */
const freshTraceparent = () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;

async function boundedText(response: Response, maxBytes: number, unavailable: () => GatewayError): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw unavailable();
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw unavailable();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Calls one remote service: a token the gateway signs for this call's tenant and principal (never the
 * caller's own credentials), a traceparent, a timeout and a bound on the answer's size. Every failure is
 * UPSTREAM_UNAVAILABLE or TIMEOUT, with a message that names neither host nor cause.
 */
export class RemoteClient {
  constructor(private readonly options: RemoteClientOptions) {}

  urlFor(tenant: Tenant | null): string {
    const override = tenant ? pluginSettings<{ url?: string }>(tenant, this.options.name)?.url : undefined;
    return override ?? this.options.remote.url;
  }

  /** `timeoutMs` overrides the connector's (reading the schema at start-up may take longer than a field). */
  async request(
    caller: Caller,
    query: string,
    variables: Record<string, unknown> = {},
    timeoutMs = this.options.timeoutMs,
  ): Promise<GraphQLAnswer> {
    const { name, signer, observe } = this.options;
    const started = process.hrtime.bigint();
    const unavailable = () =>
      new GatewayError('UPSTREAM_UNAVAILABLE', `The ${name} service is unavailable`, { plugin: name });
    let outcome = 'UPSTREAM_UNAVAILABLE';
    const url = this.urlFor(caller.tenant);
    const span = this.options.tracer?.(name, url);
    try {
      const token = await signer.sign(
        {
          tenant: caller.tenant?.id ?? '',
          principalKind: caller.principal.kind,
          scopes: caller.principal.scopes,
          requestId: caller.requestId,
        },
        name,
      );
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            'x-request-id': caller.requestId,
            traceparent: span?.traceparent ?? freshTraceparent(),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
          outcome = 'TIMEOUT';
          throw new GatewayError('TIMEOUT', `The ${name} service took too long to answer`, { plugin: name });
        }
        throw unavailable();
      }
      const text = await boundedText(response, this.options.remote.maxResponseBytes ?? DEFAULT_MAX_BYTES, unavailable);
      if (!response.ok && !(response.headers.get('content-type') ?? '').includes('json')) throw unavailable();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw unavailable();
      }
      const answer = asAnswer(body);
      if (!answer) throw unavailable();
      outcome = answer.errors && !answer.data ? 'UPSTREAM_ERROR' : 'ok';
      if (!answer.data) throw unavailable();
      return answer;
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'TIMEOUT') outcome = 'TIMEOUT';
      throw error;
    } finally {
      observe?.(name, outcome, Number(process.hrtime.bigint() - started) / 1e9);
      span?.end(outcome);
    }
  }
}

export interface GraphQLAnswer {
  data: Record<string, unknown> | null;
  errors?: { message?: unknown; path?: unknown }[];
}

function asAnswer(body: unknown): GraphQLAnswer | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { data, errors } = body as Record<string, unknown>;
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) return null;
  if (errors !== undefined && !Array.isArray(errors)) return null;
  return { data: (data as Record<string, unknown> | null) ?? null, errors: errors as GraphQLAnswer['errors'] };
}
