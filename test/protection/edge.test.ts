import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startTestGateway, type TestGateway } from '../kit/gateway';
import { GUESTBOOK, codeOf, send, tenantsWith, type RawResponse } from './harness';

/** The HTTP edge: bodies, methods, CSRF, batching, headers, CORS and slow clients. */
let t: TestGateway;
let graphqlUrl: string;

beforeAll(async () => {
  t = await startTestGateway({
    kind: 'pglite',
    plugins: ['core', GUESTBOOK],
    tenantsDir: tenantsWith(['guestbook'], {
      alpha: 'cors: { origins: ["https://shop.alpha.example"] }',
      beta: 'cors: { origins: ["https://shop.beta.example"] }',
    }),
    env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '3000' },
  });
  graphqlUrl = `${t.url}/graphql`;
});
afterAll(() => t.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  send(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...t.storefront('alpha'), ...headers },
    body,
  });

function expectGraphQLError(res: RawResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  expect(res.text).not.toMatch(/<html|<pre|at .*\.(ts|js):\d+/i);
  expect(codeOf(res)).toBe(code);
}

describe('bad bodies', () => {
  it('answers malformed JSON with 400 GraphQL JSON, never HTML', async () => {
    expectGraphQLError(await post('{"query": "{ __typename }"'), 400, 'BAD_REQUEST');
    expectGraphQLError(await post('"just a string"'), 400, 'BAD_REQUEST');
  });

  it('refuses bodies above the limit with 413 in GraphQL JSON', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { filler: 'x'.repeat(1_100_000) } });
    expectGraphQLError(await post(body), 413, 'BAD_REQUEST');
  });

  it('reads bodies sent in pieces: a character split between chunks, and a limit without Content-Length', async () => {
    const chunked = (pieces: Buffer[]) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', ...t.storefront('alpha') },
        });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        for (const piece of pieces) req.write(piece);
        req.end();
      });
    // GraphQL names are ASCII, so the parser names the é it met: U+FFFD had the split garbled it.
    const text = Buffer.from('{"query":"query Café { __typename }"}');
    const split = text.indexOf(Buffer.from('é')) + 1; // inside the two bytes of é
    const answer = await chunked([text.subarray(0, split), text.subarray(split)]);
    expect(answer.body).toContain('Unexpected character: U+00E9');
    expect(await chunked([Buffer.from('{"query":'), Buffer.from('"{ __typename }"}')])).toEqual({
      status: 200,
      body: expect.stringContaining('"__typename":"Query"'),
    });

    const big = JSON.stringify({ query: '{ __typename }', variables: { filler: 'x'.repeat(1_100_000) } });
    const pieces = Array.from({ length: 11 }, (_, i) => Buffer.from(big.slice(i * 100_000, (i + 1) * 100_000)));
    const refused = await chunked(pieces);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('reads gzip bodies and answers an empty body as one without a query', async () => {
    const zipped = gzipSync('{"query":"{ __typename }"}');
    const res = await send(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...t.storefront('alpha') },
      body: zipped,
    });
    expect(res.status).toBe(200);
    expect(res.json?.data).toEqual({ __typename: 'Query' });
    const empty = await post('');
    expectGraphQLError(empty, 400, 'BAD_REQUEST');
    expect(empty.json?.errors?.[0].message).toBe('The request has no query');
  });

  it('refuses wrong content types, missing or non-string queries and ill-shaped variables', async () => {
    expectGraphQLError(await post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' }), 415, 'BAD_REQUEST');
    expectGraphQLError(
      await post('query={__typename}', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'BAD_REQUEST',
    );
    expectGraphQLError(await post('{}'), 400, 'BAD_REQUEST');
    expectGraphQLError(await post('{"query": 42}'), 400, 'BAD_REQUEST');
    expectGraphQLError(await post('{"query": ["{ __typename }"]}'), 400, 'BAD_REQUEST');
    expectGraphQLError(await post('{"query": "{ __typename }", "variables": [1, 2]}'), 400, 'BAD_REQUEST');
    expectGraphQLError(await post('{"query": "{ __typename }", "variables": "x"}'), 400, 'BAD_REQUEST');
    expectGraphQLError(await post('{"query": "{ __typename }", "operationName": 7}'), 400, 'BAD_REQUEST');
    expectGraphQLError(await post('{"query": "{ __typename }", "extensions": 7}'), 400, 'BAD_REQUEST');
  });

  it('refuses batched arrays', async () => {
    const res = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expectGraphQLError(res, 400, 'BAD_REQUEST');
    expect(res.json?.errors?.[0].message).toMatch(/Batched/);
  });

  it('refuses methods other than GET and POST with 405 and Allow', async () => {
    const res = await send(graphqlUrl, { method: 'PUT', headers: t.storefront('alpha') });
    expectGraphQLError(res, 405, 'BAD_REQUEST');
    expect(res.headers.get('allow')).toBe('GET, POST');
  });
});

describe('GET and CSRF', () => {
  const get = (query: string, headers: Record<string, string> = {}, extra = '') =>
    send(`${graphqlUrl}?query=${encodeURIComponent(query)}${extra}`, {
      headers: { ...t.storefront('alpha'), ...headers },
    });

  it('blocks a GET without a preflight-forcing header (CSRF prevention)', async () => {
    const res = await get('{ __typename }');
    expectGraphQLError(res, 400, 'BAD_REQUEST');
    expect(res.json?.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('serves queries over GET with apollo-require-preflight', async () => {
    const res = await get('{ __typename }', { 'apollo-require-preflight': 'true' });
    expect(res.status).toBe(200);
    expect(res.json?.data).toEqual({ __typename: 'Query' });
  });

  it('refuses mutations over GET with 405, and writes nothing', async () => {
    const res = await get('mutation { signGuestbook(message: "via GET") { id } }', {
      'apollo-require-preflight': 'true',
    });
    expectGraphQLError(res, 405, 'BAD_REQUEST');
    const list = await t.graphql<{ guestbook: { nodes: unknown[] } }>(
      '{ guestbook(search: "via GET") { nodes { id } } }',
      undefined,
      t.storefront('alpha'),
    );
    expect(list.body.data?.guestbook.nodes).toEqual([]);
  });

  it('refuses ill-shaped GET parameters', async () => {
    const preflight = { 'apollo-require-preflight': 'true' };
    expectGraphQLError(await get('{ __typename }', preflight, '&variables=%5B1%5D'), 400, 'BAD_REQUEST');
    expectGraphQLError(await get('{ __typename }', preflight, '&variables=%7Bnot-json'), 400, 'BAD_REQUEST');
    expectGraphQLError(await get('{ __typename }', preflight, '&query=again'), 400, 'BAD_REQUEST');
  });
});

describe('response headers', () => {
  it('sets security headers on GraphQL and error answers', async () => {
    for (const res of [await post('{"query":"{ __typename }"}'), await post('{oops'), await send(`${t.url}/healthz`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('never reflects input as markup: < > & are escaped in JSON', async () => {
    const res = await post(
      JSON.stringify({
        query: 'query($n: Int) { guestbook(first: $n) { nodes { id } } }',
        variables: { n: '<script>alert(1)</script>' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('\\u003cscript\\u003e');
    expect(res.text).not.toContain('<script>');
    expect(JSON.stringify(res.json)).toContain('<script>');
  });
});

describe('CORS per tenant', () => {
  const preflight = (origin: string) =>
    send(graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-storefront-token',
      },
    });

  it('answers preflights for any tenant origin, and none for unknown origins', async () => {
    const known = await preflight('https://shop.beta.example');
    expect(known.status).toBe(204);
    expect(known.headers.get('access-control-allow-origin')).toBe('https://shop.beta.example');
    expect(known.headers.get('access-control-allow-headers')).toBe('content-type, x-storefront-token');
    const unknown = await preflight('https://evil.example');
    expect(unknown.status).toBe(204);
    expect(unknown.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("holds the actual request to its own tenant's origins", async () => {
    const own = await post('{"query":"{ __typename }"}', { origin: 'https://shop.alpha.example' });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe('https://shop.alpha.example');
    const other = await post('{"query":"{ __typename }"}', { origin: 'https://shop.beta.example' });
    expectGraphQLError(other, 403, 'FORBIDDEN');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const sameOrigin = await post('{"query":"{ __typename }"}', { origin: t.url });
    expect(sameOrigin.status).toBe(200);
  });
});

describe('slow clients', () => {
  it('cuts off a client trickling its headers while others are served', async () => {
    const socket = connect(Number(new URL(t.url).port), '127.0.0.1');
    let received = '';
    let linesSent = 0;
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // One header line every 200 ms, up to 60 lines (12 s): far longer than the 1 s headers timeout.
    const trickle = setInterval(() => {
      if (socket.destroyed || linesSent >= 60) return clearInterval(trickle);
      socket.write(`X-Slow-${linesSent++}: 1\r\n`);
    }, 200);
    const served = await post('{"query":"{ __typename }"}');
    expect(served.status).toBe(200);
    await closed;
    clearInterval(trickle);
    expect(linesSent).toBeLessThan(60);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect((await send(`${t.url}/healthz`)).status).toBe(200);
  });
});
