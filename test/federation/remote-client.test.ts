import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServiceTokenSigner } from '../../src/auth/service-tokens';
import { RemoteClient, type Caller } from '../../src/plugins/remote/client';
import { remoteFragment } from '../../src/plugins/remote/fragment';
import type { GatewayError } from '../../src/sdk';

const caller: Caller = { tenant: null, principal: { kind: 'storefront', scopes: [] }, requestId: 'r1' };

describe('a remote service answering badly', () => {
  let server: Server;
  let url: string;
  let answer: (res: import('node:http').ServerResponse) => void;
  beforeAll(async () => {
    server = createServer((_req, res) => answer(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const call = async (timeoutMs = 2000) => {
    const client = new RemoteClient({
      name: 'reviews',
      remote: { url, kind: 'federation', maxResponseBytes: 1000 },
      signer: await createServiceTokenSigner(),
      timeoutMs,
    });
    return client
      .request(caller, '{ x }')
      .catch((error: GatewayError) => ({ code: error.code, message: error.message }));
  };

  it.each([
    ['malformed JSON', (res: import('node:http').ServerResponse) => res.end('{"data": ')],
    ['a JSON array', (res: import('node:http').ServerResponse) => res.end('[1, 2]')],
    ['data of the wrong type', (res: import('node:http').ServerResponse) => res.end('{"data": "yes"}')],
    [
      'an answer over the size bound',
      (res: import('node:http').ServerResponse) => res.end(`{"data": {"x": "${'y'.repeat(5000)}"}}`),
    ],
    [
      'an HTML error page',
      (res: import('node:http').ServerResponse) => res.writeHead(502).end('<html>bad gateway</html>'),
    ],
  ])('%s is UPSTREAM_UNAVAILABLE, with a message that names nothing of the service', async (_, respond) => {
    answer = respond;
    const result = await call();
    expect(result).toEqual({ code: 'UPSTREAM_UNAVAILABLE', message: 'The reviews service is unavailable' });
  });

  it('a service that does not answer in time is TIMEOUT', async () => {
    answer = (res) => setTimeout(() => res.end('{"data": {}}'), 1000);
    expect(await call(100)).toMatchObject({ code: 'TIMEOUT' });
  });
});

describe('a service schema that cannot join the graph', () => {
  const remote = { url: 'http://x', kind: 'federation' as const };
  it('may not redefine one of our types other than as an entity keyed by id', () => {
    expect(() => remoteFragment('type Product { id: ID! title: String }', remote, new Set(['Product']))).toThrow(
      /type Product is ours/,
    );
  });
  it('must add something', () => {
    expect(() => remoteFragment('type Query { _service: String }', remote, new Set())).toThrow(/adds nothing/);
  });
  it("extends our entity without its key or @external fields, nullable, and keeps the service's types", () => {
    const fragment = remoteFragment(
      `type Product @key(fields: "id") { id: ID! title: String @external score: Int! } type Badge { name: String! }
       type Query { badges: [Badge!]! }`,
      remote,
      new Set(['Product']),
    );
    expect(fragment.typeDefs).toMatch(/extend type Product {\s+score: Int\s+}/);
    expect(fragment.typeDefs).toMatch(/extend type Query {\s+badges: \[Badge!\]\s+}/);
    expect(fragment.typeDefs).toMatch(/type Badge {\s+name: String!\s+}/);
    expect(fragment.entityFields.get('Product')).toEqual(['score']);
  });
});
