import { startTestGateway, type TestGateway } from '../kit/gateway';
import { GUESTBOOK, codeOf, send, tenantsWith } from './harness';

/**
 * Operation limits before execution, per tenant: alpha runs the defaults, beta has tight limits. The
 * database plays no part here, so one PGlite gateway serves the file.
 */
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({
    kind: 'pglite',
    plugins: ['core', GUESTBOOK],
    tenantsDir: tenantsWith(['guestbook'], {
      beta: 'limits: { maxDepth: 3, maxAliases: 2, maxRootFields: 2, maxDirectives: 1, maxCost: 30 }',
    }),
    env: { MAX_DOCUMENT_BYTES: '500000', INTROSPECTION: 'false' },
  });
});
afterAll(() => t.close());

const nested = (levels: number) =>
  `{ guestbook(first: 1) { nodes { ${'inReplyTo { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;

async function expectRefused(query: string, tenant: string, code: string, variables?: Record<string, unknown>) {
  const res = await t.graphql(query, variables, t.storefront(tenant));
  expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 400, code });
  expect(res.body.data).toBeUndefined();
  return res;
}

async function expectServed(query: string, tenant: string, variables?: Record<string, unknown>) {
  const res = await t.graphql(query, variables, t.storefront(tenant));
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res;
}

describe('limits per tenant', () => {
  it('refuses depth beyond the tenant maximum with MAX_DEPTH_EXCEEDED', async () => {
    const res = await expectRefused(nested(2), 'beta', 'MAX_DEPTH_EXCEEDED');
    expect(res.body.errors![0].extensions).toMatchObject({ measured: 4, maximum: 3 });
    await expectServed(nested(2), 'alpha');
    await expectRefused(nested(9), 'alpha', 'MAX_DEPTH_EXCEEDED');
  });

  it('refuses a document nested thousands deep at the edge, before the parser recurses', async () => {
    await expectRefused(nested(5000), 'alpha', 'MAX_DEPTH_EXCEEDED');
  });

  it('rejects unknown and cyclic fragments with the specification rules (400), never a crash', async () => {
    await expectRefused('{ ...Missing }', 'alpha', 'GRAPHQL_VALIDATION_FAILED');
    await expectRefused(
      '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      'alpha',
      'GRAPHQL_VALIDATION_FAILED',
    );
    await expectRefused(
      '{ guestbook { nodes { ...E } } } fragment E on GuestbookEntry { inReplyTo { ...E } }',
      'beta',
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect((await send(`${t.url}/healthz`)).status).toBe(200);
  });

  it('counts depth through fragments', async () => {
    const query = `{ guestbook { nodes { ...A } } } fragment A on GuestbookEntry { inReplyTo { ...B } } fragment B on GuestbookEntry { inReplyTo { id } }`;
    await expectRefused(query, 'beta', 'MAX_DEPTH_EXCEEDED');
    await expectServed(query, 'alpha');
  });

  it('refuses alias floods with MAX_ALIASES_EXCEEDED', async () => {
    const flood = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    await expectRefused(flood, 'alpha', 'MAX_ALIASES_EXCEEDED');
    await expectRefused('{ a: __typename b: __typename c: __typename }', 'beta', 'MAX_ALIASES_EXCEEDED');
    await expectServed('{ a: __typename b: __typename c: __typename }', 'alpha');
  });

  it('refuses too many root fields with MAX_ROOT_FIELDS_EXCEEDED', async () => {
    await expectRefused(
      '{ __typename guestbook(first: 1) { __typename } node(id: "x") { id } }',
      'beta',
      'MAX_ROOT_FIELDS_EXCEEDED',
    );
  });

  it('refuses directive floods with MAX_DIRECTIVES_EXCEEDED', async () => {
    const flood = `{ ${Array.from({ length: 25 }, (_, i) => `f${i % 5}: __typename @skip(if: false)`).join(' ')} }`;
    await expectRefused(
      '{ a: __typename @skip(if: false) __typename @include(if: true) }',
      'beta',
      'MAX_DIRECTIVES_EXCEEDED',
    );
    await expectRefused(flood, 'alpha', 'MAX_DIRECTIVES_EXCEEDED');
  });

  it('refuses documents over the tenant token limit with MAX_TOKENS_EXCEEDED', async () => {
    // The default maximum is 2000 tokens. Each id is one token; the ids list is later refused as too long
    // for `nodes`, which shows that the shorter document passed the token check.
    const tokens = (ids: number) => `{ nodes(ids: [${'"x" '.repeat(ids)}]) { id } }`;
    await expectRefused(tokens(2000), 'alpha', 'MAX_TOKENS_EXCEEDED');
    await expectRefused(tokens(1900), 'alpha', 'BAD_USER_INPUT');
  });

  it('stops the parser on huge documents (MAX_TOKENS_EXCEEDED before validation)', async () => {
    // 200 000 tokens of unknown fields: had the parser finished, validation would have refused them.
    await expectRefused(`{ ${'a '.repeat(200_000)}}`, 'alpha', 'MAX_TOKENS_EXCEEDED');
  });

  it('refuses documents beyond the byte limit with MAX_DOCUMENT_SIZE_EXCEEDED', async () => {
    await expectRefused(`{ __typename } # ${'x'.repeat(600_000)}`, 'alpha', 'MAX_DOCUMENT_SIZE_EXCEEDED');
  });
});

describe('query cost', () => {
  const PAGE =
    'query($n: Int) { guestbook(first: $n) { edges { node { id inReplyTo { id } } } pageInfo { hasNextPage } } }';

  it('reports extensions.cost on every response', async () => {
    const res = await expectServed(PAGE, 'alpha', { n: 10 });
    const cost = res.body.extensions?.cost as Record<string, unknown>;
    // connection 2 + 10 x (node 1 + inReplyTo 1); edges and pageInfo are structure.
    expect(cost).toMatchObject({ requestedQueryCost: 22, actualQueryCost: 22 });
    expect(cost.throttleStatus).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: expect.any(Number),
      restoreRate: 100,
    });
    const refused = await t.graphql('{ ...Missing }', undefined, t.storefront('alpha'));
    expect(refused.body.extensions?.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: 0 });
  });

  it('multiplies by the page size from variables and literals, and applies plugin cost hints', async () => {
    const cost = async (query: string, variables?: Record<string, unknown>) =>
      ((await expectServed(query, 'alpha', variables)).body.extensions?.cost as { requestedQueryCost: number })
        .requestedQueryCost;
    expect(await cost(PAGE, { n: 2 })).toBe(6);
    expect(await cost('{ guestbook(first: 100) { nodes { id } } }')).toBe(102);
    // No size given: the default page (50).
    expect(await cost('{ guestbook { nodes { id } } }')).toBe(52);
    expect(await cost('{ a: slowQuery(seconds: 0) @skip(if: true) __typename }')).toBe(0);
  });

  it('refuses a query above the tenant maximum with MAX_COST_EXCEEDED before running it', async () => {
    const res = await expectRefused('{ guestbook(first: 40) { nodes { id } } }', 'beta', 'MAX_COST_EXCEEDED');
    expect(res.body.errors![0].extensions).toMatchObject({ cost: 42, maximum: 30 });
    expect(res.headers.get('x-sql-statements')).toBe('0');
    await expectRefused(
      '{ guestbook(first: 250) { nodes { inReplyTo { inReplyTo { inReplyTo { id } } } } } }',
      'alpha',
      'MAX_COST_EXCEEDED',
    );
  });

  it('refuses page sizes above 250 with BAD_USER_INPUT before any SQL', async () => {
    for (const variables of [{ n: 1_000_000 }, { n: -1 }, { n: 251 }]) {
      const res = await expectRefused(PAGE, 'alpha', 'BAD_USER_INPUT', variables);
      expect(res.headers.get('x-sql-statements')).toBe('0');
    }
    await expectRefused('{ guestbook(last: 1000000) { nodes { id } } }', 'alpha', 'BAD_USER_INPUT');
  });
});

describe('schema details', () => {
  it('removes "Did you mean" suggestions outside development', async () => {
    const res = await expectRefused('{ guestbok { nodes { id } } }', 'alpha', 'GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean|guestbook/);
  });

  it('allows introspection and the SDL to admins only when introspection is off', async () => {
    const query = '{ __schema { queryType { name } } }';
    const storefront = await t.graphql(query, undefined, t.storefront('alpha'));
    expect({ status: storefront.status, code: codeOf(storefront) }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const admin = await t.graphql(query, undefined, await t.admin('alpha'));
    expect(admin.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    await expectServed('{ __typename }', 'alpha');

    const sdl = `${t.url}/graphql/schema.graphql`;
    expect((await send(sdl)).status).toBe(401);
    expect((await send(sdl, { headers: t.storefront('alpha') })).status).toBe(403);
    const asAdmin = await send(sdl, { headers: await t.admin('alpha') });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.text).toContain('type Query');
  });
});
