import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperationAST, Kind, graphqlSync, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LeakyBucket } from './bucket';
import { FakeBulkOperations } from './bulk';
import { estimateCost } from './cost';
import { FaultQueue, type Fault } from './faults';
import { buildFakeSchema, type FakeContext } from './schema';
import { emptyStore, type FakeStore } from './store';
import { buildStorefrontSchema } from './storefront';

export interface FakeShopifyOptions {
  accessToken: string;
  /** The Storefront API's token (private or public header); Storefront calls are refused without it. */
  storefrontAccessToken?: string;
  /** Drives the leaky bucket; share the connector's FakeClock so waits refill it. */
  now?: () => number;
  bucket?: { max: number; restoreRate: number };
  /** Overrides the estimated cost of a query, by its root field names. */
  cost?: (rootFields: string[]) => number | undefined;
  store?: FakeStore;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The shop the connector addressed (routeShopifyTo puts it in X-Forwarded-Host). */
  shop: string | undefined;
  rootFields: string[];
  variables: Record<string, unknown>;
  status: number;
  outcome: 'ok' | 'throttled' | 'fault' | 'unauthorized' | 'graphql-error' | 'download' | 'not-found';
}

export interface FakeShopify {
  /** `http://127.0.0.1:<port>` */
  url: string;
  store: FakeStore;
  bucket: LeakyBucket;
  bulk: FakeBulkOperations;
  requests: RecordedRequest[];
  failNext(count: number, fault: Fault): void;
  /** The next bulk download sends `afterLines` lines, then waits until the returned function is called. */
  holdBulkDownload(afterLines: number): () => void;
  close(): Promise<void>;
}

const GRAPHQL_PATH = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;
const BULK_PATH = /^\/bulk\/(\d+)\.jsonl$/;
/** The Storefront API's endpoint (no /admin). */
const STOREFRONT_PATH = /^\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;

/** A fake Shopify Admin API on 127.0.0.1 (random port), speaking GraphQL over real HTTP. */
export async function startFakeShopify(options: FakeShopifyOptions): Promise<FakeShopify> {
  const now = options.now ?? Date.now;
  const schema = buildFakeSchema();
  const storefrontSchema = buildStorefrontSchema();
  const store = options.store ?? emptyStore();
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let hold: { afterLines: number; released: Promise<void> } | undefined;
  let baseUrl = '';
  const bucket = new LeakyBucket(options.bucket?.max ?? 1000, options.bucket?.restoreRate ?? 50, now);
  const bulk = new FakeBulkOperations(
    (query) => run(schema, query, {}, bulkContext()),
    (n) => `${baseUrl}/bulk/${n}.jsonl`,
    now,
  );
  const context = (): FakeContext => ({
    store,
    bulk: false,
    startBulk: (q) => bulk.start(q),
    findBulk: (id) => bulk.poll(id),
    currentBulk: () => bulk.current(),
    now,
  });
  const bulkContext = (): FakeContext => ({ ...context(), bulk: true });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const record = (r: Partial<RecordedRequest> & Pick<RecordedRequest, 'status' | 'outcome'>) =>
      requests.push({
        method: req.method ?? '',
        path,
        shop: header(req, 'x-forwarded-host'),
        rootFields: [],
        variables: {},
        ...r,
      });
    const bulkMatch = BULK_PATH.exec(path);
    if (req.method === 'GET' && bulkMatch) return void serveJsonl(Number(bulkMatch[1]), res, record);
    const storefront = STOREFRONT_PATH.test(path);
    if (req.method !== 'POST' || !(GRAPHQL_PATH.test(path) || storefront)) {
      record({ status: 404, outcome: 'not-found' });
      return void send(res, 404, { errors: 'Not Found' });
    }
    const fault = faults.take();
    if (fault?.kind === 'reset') {
      record({ status: 0, outcome: 'fault' });
      return void req.socket.destroy();
    }
    if (fault?.kind === 'status') {
      record({ status: fault.status, outcome: 'fault' });
      const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
      return void send(
        res,
        fault.status,
        {
          errors:
            fault.status === 429
              ? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.'
              : 'Internal Server Error',
        },
        headers,
      );
    }
    if (fault?.kind === 'throttled') {
      record({ status: 200, outcome: 'throttled' });
      return void send(res, 200, throttledAnswer(10, bucket.status()));
    }
    readBody(req).then(
      (body) => {
        const lost = fault?.kind === 'lost';
        const answer = () =>
          storefront ? handleStorefront(body, req, res, record, lost) : handleGraphql(body, req, res, record, lost);
        if (fault?.kind !== 'delay') return answer();
        const timer = setTimeout(() => (timers.delete(timer), res.destroyed || answer()), fault.ms);
        timers.add(timer);
      },
      () => res.destroy(),
    );
  });

  function handleGraphql(
    body: string,
    req: IncomingMessage,
    res: ServerResponse,
    record: (r: Partial<RecordedRequest> & Pick<RecordedRequest, 'status' | 'outcome'>) => void,
    lost = false,
  ) {
    if (header(req, 'x-shopify-access-token') !== options.accessToken) {
      record({ status: 401, outcome: 'unauthorized' });
      return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    const parsed = parseRequest(body);
    if ('error' in parsed) {
      record({ status: 200, outcome: 'graphql-error' });
      return send(res, 200, { errors: [{ message: parsed.error, extensions: { code: 'PARSE_ERROR' } }] });
    }
    const { query, variables, doc } = parsed;
    const rootFields = rootFieldsOf(doc);
    const cost = options.cost?.(rootFields) ?? estimateCost(doc, variables);
    const base = { rootFields, variables };
    if (cost > bucket.max) {
      record({ ...base, status: 200, outcome: 'graphql-error' });
      return send(res, 200, {
        errors: [
          {
            message: `Query cost is ${cost}, which exceeds the single query max cost limit (${bucket.max}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: bucket.max },
          },
        ],
      });
    }
    if (!bucket.take(cost)) {
      record({ ...base, status: 200, outcome: 'throttled' });
      return send(res, 200, throttledAnswer(cost, bucket.status()));
    }
    const result = run(schema, query, variables, context(), doc);
    const extensions = { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: bucket.status() } };
    record({ ...base, status: 200, outcome: result.error ? 'graphql-error' : 'ok' });
    if (lost) return void req.socket.destroy();
    return send(
      res,
      200,
      result.error ? { errors: [{ message: result.error }], extensions } : { data: result.data, extensions },
    );
  }

  /** Storefront API: its own token header, no cost metering (Shopify limits it per buyer IP). */
  function handleStorefront(
    body: string,
    req: IncomingMessage,
    res: ServerResponse,
    record: (r: Partial<RecordedRequest> & Pick<RecordedRequest, 'status' | 'outcome'>) => void,
    lost: boolean,
  ) {
    const token = header(req, 'shopify-storefront-private-token') ?? header(req, 'x-shopify-storefront-access-token');
    if (!options.storefrontAccessToken || token !== options.storefrontAccessToken) {
      record({ status: 401, outcome: 'unauthorized' });
      return send(res, 401, { errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHORIZED' } }] });
    }
    const parsed = parseRequest(body);
    if ('error' in parsed) {
      record({ status: 200, outcome: 'graphql-error' });
      return send(res, 200, { errors: [{ message: parsed.error, extensions: { code: 'PARSE_ERROR' } }] });
    }
    const { query, variables, doc } = parsed;
    const result = run(storefrontSchema, query, variables, { store }, doc);
    record({ rootFields: rootFieldsOf(doc), variables, status: 200, outcome: result.error ? 'graphql-error' : 'ok' });
    if (lost) return void req.socket.destroy();
    return send(res, 200, result.error ? { errors: [{ message: result.error }] } : { data: result.data });
  }

  async function serveJsonl(
    n: number,
    res: ServerResponse,
    record: (r: Pick<RecordedRequest, 'status' | 'outcome'>) => void,
  ) {
    const lines = bulk.jsonl(n);
    record({ status: lines ? 200 : 404, outcome: lines ? 'download' : 'not-found' });
    if (!lines) return send(res, 404, { errors: 'Not Found' });
    const gate = hold;
    hold = undefined;
    res.writeHead(200, { 'Content-Type': 'application/jsonl' });
    for (const [i, line] of lines.entries()) {
      if (gate && i === gate.afterLines) await gate.released;
      if (res.destroyed) return;
      res.write(`${line}\n`);
    }
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    store,
    bucket,
    bulk,
    requests,
    failNext: (count, fault) => faults.failNext(count, fault),
    holdBulkDownload(afterLines) {
      let release!: () => void;
      hold = { afterLines, released: new Promise<void>((r) => (release = r)) };
      return release;
    },
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function throttledAnswer(cost: number, throttleStatus: unknown) {
  return {
    errors: [
      {
        message: 'Throttled',
        extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
      },
    ],
    extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus } },
  };
}

function run(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown>,
  ctx: unknown,
  doc?: DocumentNode,
) {
  try {
    const parsed = doc ?? parse(query);
    const invalid = validate(schema, parsed);
    if (invalid.length) return { error: invalid.map((e) => e.message).join('; ') };
    const result = graphqlSync({ schema, source: query, variableValues: variables, contextValue: ctx });
    if (result.errors?.length) return { error: result.errors.map((e) => e.message).join('; ') };
    return { data: result.data as Record<string, unknown> };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function parseRequest(
  body: string,
): { query: string; variables: Record<string, unknown>; doc: DocumentNode } | { error: string } {
  try {
    const { query, variables = {} } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    return { query, variables, doc: parse(query) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function rootFieldsOf(doc: DocumentNode): string[] {
  const op = getOperationAST(doc);
  return op?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) ?? [];
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Request-Id': `fake-${Date.now()}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}
