import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { documentIdOf } from '../../src/documents';
import { ErrorCodes } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { GUESTBOOK, send, tenantsWith, type RawResponse } from './harness';

/**
 * Documents that graphql-js or the engine refuse, on a production gateway over HTTP. The property test
 * sends generated documents, valid or not (several operations, fragments, unknown names, variables of
 * the wrong types, broken text): the answer is JSON, never a 5xx, and every error carries a documented
 * code other than the masked INTERNAL_SERVER_ERROR (no generated field fails on purpose). The seed is
 * random unless FC_SEED is set, and FC_RUNS runs longer hunts; fast-check prints the seed and the
 * failing request when the property fails.
 */
const NUM_RUNS = Number(process.env.FC_RUNS ?? 200);
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);

const tenantsDir = tenantsWith(['guestbook'], {
  alpha: 'limits: { rateBucketSize: 100000000, rateRestorePerSecond: 100000000 }',
});
/** A registered (trusted) document of two operations. */
const TWO = 'query A { a: __typename } query B { b: __typename }';
mkdirSync(join(tenantsDir, 'alpha', 'documents'), { recursive: true });
writeFileSync(join(tenantsDir, 'alpha', 'documents', 'app.json'), JSON.stringify({ [documentIdOf(TWO)]: TWO }));

/** A selection, with the variables and fragments it uses. */
interface Selection {
  text: string;
  variables?: string[];
  fragments?: string[];
}

const VALID_FIELDS: Selection[] = [
  { text: '__typename' },
  { text: '__typename @skip(if: $b)', variables: ['b'] },
  { text: 'guestbook(first: $n) { nodes { id message } pageInfo { hasNextPage } }', variables: ['n'] },
  {
    text: 'guestbook(first: 3, search: $s, sortKey: $k) { edges { cursor node { ...Entry } } }',
    variables: ['s', 'k'],
    fragments: ['Entry'],
  },
  { text: 'guestbook(last: 2, before: $s) { nodes { id } }', variables: ['s'] },
  { text: 'guestbook(first: 300) { nodes { id } }' },
  { text: 'guestbook { nodes { inReplyTo { inReplyTo { id } } } }' },
  { text: 'node(id: $id) { id ... on GuestbookEntry { message } }', variables: ['id'] },
  { text: 'nodes(ids: $ids) { __typename }', variables: ['ids'] },
  { text: 'gatewayStatus { ready }' },
  { text: '__schema { queryType { name } }' },
  { text: '...Root', variables: ['n'], fragments: ['Root'] },
  { text: '... on Query { __typename }' },
];
const INVALID_FIELDS: Selection[] = [
  { text: '...Missing' },
  { text: 'unknownField' },
  { text: 'guestbook(bogus: 1) { nodes { id } }' },
  { text: '__typename @include(if: $n)', variables: ['n'] },
  { text: '... on GuestbookEntry { id }' },
  { text: '...Loop', fragments: ['Loop'] },
];
const MUTATION_FIELDS: Selection[] = [
  { text: 'signGuestbook(message: $m) { id }', variables: ['m'] },
  { text: 'signGuestbookAlone(message: "hi") { ...Entry }', fragments: ['Entry'] },
];
const FRAGMENTS: Record<string, string> = {
  Entry: 'fragment Entry on GuestbookEntry { id message }',
  Root: 'fragment Root on Query { __typename rootPage: guestbook(first: $n) { nodes { id } } }',
  Loop: 'fragment Loop on Query { ...Loop }',
};
const STRAY_FRAGMENTS = ['fragment Bad on Nope { x }', 'fragment Unused on Query { __typename }', FRAGMENTS.Entry];
const VARIABLE_TYPES: Record<string, string> = {
  n: 'Int',
  s: 'String',
  k: 'GuestbookSortKey',
  id: 'ID!',
  ids: '[ID!]!',
  b: 'Boolean!',
  m: 'String!',
};
const NAMES = ['A', 'B', 'C'];
const ENTRY_ID = 'R3Vlc3Rib29rRW50cnk6MQ==';

const anyValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('NEWEST', 'BOGUS', ENTRY_ID),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'first'), fc.integer(), { maxKeys: 2 }),
);
const VALUES: Record<string, fc.Arbitrary<unknown>> = {
  n: fc.option(fc.integer({ min: 0, max: 5 })),
  s: fc.option(fc.string({ maxLength: 8 })),
  k: fc.constantFrom('NEWEST', 'OLDEST', 'MESSAGE'),
  id: fc.oneof(fc.constant(ENTRY_ID), fc.string({ maxLength: 12 })),
  ids: fc.array(fc.constant(ENTRY_ID), { maxLength: 3 }),
  b: fc.boolean(),
  m: fc.string({ maxLength: 8 }),
};
/** Mostly what the type asks for, sometimes anything. */
const valueFor = (name: string) => fc.oneof({ arbitrary: VALUES[name], weight: 5 }, { arbitrary: anyValue, weight: 1 });
/** Mostly the right declaration, sometimes another type, an unknown one or none. */
const declaration = (name: string) =>
  fc.oneof(
    { arbitrary: fc.constant(`$${name}: ${VARIABLE_TYPES[name]}`), weight: 8 },
    { arbitrary: fc.constantFrom(`$${name}: Nope`, `$${name}: Float`, `$${name}: Int = "x"`, ''), weight: 1 },
  );

const unique = <T>(items: T[]) => [...new Set(items)];

/** One operation's type, selections, variable declarations and the variables and fragments it uses. */
const operation = fc
  .record({
    type: fc.constantFrom('query', 'query', 'query', 'query', 'mutation', 'subscription'),
    queryFields: fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...VALID_FIELDS), weight: 12 },
        { arbitrary: fc.constantFrom(...INVALID_FIELDS), weight: 1 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    mutationFields: fc.array(fc.constantFrom(...MUTATION_FIELDS), { minLength: 1, maxLength: 2 }),
  })
  .chain(({ type, queryFields, mutationFields }) => {
    const fields = type === 'mutation' ? mutationFields : queryFields;
    const variables = unique(fields.flatMap((f) => f.variables ?? []));
    return fc.tuple(...variables.map(declaration)).map((declared) => ({
      type,
      declarations: declared.filter(Boolean).join(', '),
      // Each field under its own alias: the same field twice with other arguments is a conflict.
      selections: fields.map((f, i) => (f.text.startsWith('...') ? f.text : `f${i}: ${f.text}`)).join(' '),
      variables,
      fragments: fields.flatMap((f) => f.fragments ?? []),
    }));
  });
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** How an operation is named: mostly its own name, sometimes none (shorthand) or one another uses too. */
const naming = fc.oneof(
  { arbitrary: fc.constant('own'), weight: 8 },
  { arbitrary: fc.constantFrom('none', 'shared'), weight: 1 },
);

function operationText(op: Operation, index: number, name: string): string {
  const given = name === 'own' ? NAMES[index] : name === 'shared' ? NAMES[0] : undefined;
  if (!given && op.type === 'query' && !op.declarations) return `{ ${op.selections} }`;
  const head = [op.type, given, op.declarations && `(${op.declarations})`].filter(Boolean).join(' ');
  return `${head} { ${op.selections} }`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Automatic persisted query extensions: the document's hash, another one, another version, a bad shape. */
const persisted = (query: string) =>
  fc.constantFrom<Record<string, unknown>>(
    { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    { persistedQuery: { version: 1, sha256Hash: sha256(`${query} `) } },
    { persistedQuery: { version: 2, sha256Hash: sha256(query) } },
    { persistedQuery: 'x' },
  );

/** A document: its operations, the fragments they spread, sometimes a stray one, damage now and then. */
const documentRequest = fc
  .record({
    operations: fc.oneof(
      { arbitrary: fc.array(operation, { minLength: 1, maxLength: 1 }), weight: 1 },
      { arbitrary: fc.array(operation, { minLength: 2, maxLength: 3 }), weight: 1 },
    ),
    names: fc.array(naming, { minLength: 3, maxLength: 3 }),
    stray: fc.oneof({ arbitrary: fc.constant([]), weight: 8 }, { arbitrary: fc.subarray(STRAY_FRAGMENTS), weight: 1 }),
    damage: fc.oneof(
      { arbitrary: fc.constant(null), weight: 8 },
      {
        arbitrary: fc.record({
          at: fc.nat(),
          insert: fc.constantFrom('', '{', '}', '(', '$', '!', '@', '...', '"', ':'),
        }),
        weight: 1,
      },
    ),
  })
  .chain(({ operations, names, stray, damage }) => {
    const fragments = unique(operations.flatMap((o) => o.fragments)).map((name) => FRAGMENTS[name]);
    const texts = operations.map((op, i) => operationText(op, i, names[i]));
    let query = [...texts, ...fragments, ...stray].join('\n');
    if (damage) {
      const at = damage.at % (query.length + 1);
      query = damage.insert ? query.slice(0, at) + damage.insert + query.slice(at) : query.slice(0, at);
    }
    const named = unique(texts.flatMap((text) => /^\w+ ([A-C])\b/.exec(text)?.[1] ?? []));
    const variables = unique(operations.flatMap((o) => o.variables));
    return fc.record({
      method: fc.constantFrom('POST', 'POST', 'POST', 'GET'),
      query: fc.constant(query),
      operationName: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: named.length ? fc.constantFrom(...named) : fc.constant(undefined), weight: 6 },
        { arbitrary: fc.constantFrom(null, 'Z'), weight: 1 },
      ),
      variables: fc.oneof(
        { arbitrary: fc.record(Object.fromEntries(variables.map((v) => [v, valueFor(v)]))), weight: 8 },
        { arbitrary: fc.constantFrom(undefined, { extra: 1 }), weight: 1 },
      ),
      extensions: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 8 },
        { arbitrary: persisted(query), weight: 1 },
      ),
    });
  });
type GraphQLRequest = typeof documentRequest extends fc.Arbitrary<infer T> ? T : never;

function toFetch(url: string, auth: Record<string, string>, request: GraphQLRequest): [string, RequestInit] {
  const { method, ...params } = request;
  if (method === 'POST') {
    return [url, { method, headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(params) }];
  }
  const search = new URLSearchParams({ query: params.query });
  if (params.operationName != null) search.set('operationName', params.operationName);
  if (params.variables !== undefined) search.set('variables', JSON.stringify(params.variables));
  if (params.extensions !== undefined) search.set('extensions', JSON.stringify(params.extensions));
  return [`${url}?${search.toString()}`, { method, headers: { 'apollo-require-preflight': 'true', ...auth } }];
}

const ANSWERED_CODES = ErrorCodes.filter((code) => code !== 'INTERNAL_SERVER_ERROR');

function expectCodedAnswer(res: RawResponse) {
  expect(res.status).toBeLessThan(500);
  expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  expect(res.json).toBeDefined();
  const codes = (res.json?.errors ?? []).map((e) => e.extensions?.code);
  for (const code of codes) expect(ANSWERED_CODES).toContain(code);
  if (res.status >= 400) expect(codes.length).toBeGreaterThan(0);
}

describeEachDatabase(
  'generated documents',
  { plugins: ['core', GUESTBOOK], tenantsDir, env: { NODE_ENV: 'production' }, guardPartialRows: false },
  (get) => {
    const post = (body: { query: string; operationName?: string }) =>
      send(
        ...toFetch(`${get().url}/graphql`, get().storefront('alpha'), {
          method: 'POST',
          operationName: undefined,
          variables: undefined,
          extensions: undefined,
          ...body,
        }),
      );

    it('refuses a document of several operations without a known operationName with 400 BAD_REQUEST', async () => {
      for (const body of [
        { query: TWO },
        { query: TWO, operationName: 'C' },
        { query: '{ __typename }', operationName: 'C' },
      ]) {
        const res = await post(body);
        expectCodedAnswer(res);
        expect(res.status).toBe(400);
        expect(res.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      }
      expect((await post({ query: TWO })).json?.errors?.[0]?.message).toMatch(/operationName/);
      expect((await post({ query: TWO, operationName: 'C' })).json?.errors?.[0]?.message).toBe(
        'Unknown operation named "C"',
      );
    });

    it('runs the operation that operationName names', async () => {
      expect((await post({ query: TWO, operationName: 'A' })).json).toMatchObject({ data: { a: 'Query' } });
      const b = await post({ query: TWO, operationName: 'B' });
      expect(b.status).toBe(200);
      expect(b.json?.data).toEqual({ b: 'Query' });
    });

    it('does the same for a trusted document named by documentId', async () => {
      const post = (body: Record<string, unknown>) =>
        send(`${get().url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...get().storefront('alpha') },
          body: JSON.stringify({ documentId: documentIdOf(TWO), ...body }),
        });
      for (const body of [{}, { operationName: 'C' }]) {
        const res = await post(body);
        expectCodedAnswer(res);
        expect(res.status).toBe(400);
        expect(res.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      }
      expect((await post({ operationName: 'B' })).json?.data).toEqual({ b: 'Query' });
    });

    it('refuses an operation type the API does not have with 400 BAD_REQUEST', async () => {
      const res = await post({ query: 'subscription S { __typename }' });
      expectCodedAnswer(res);
      expect(res.status).toBe(400);
      expect(res.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });

    it('refuses an automatic persisted query whose hash is of another document with 400 BAD_REQUEST', async () => {
      const query = '{ __typename }';
      const res = await send(`${get().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...get().storefront('alpha') },
        body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } } }),
      });
      expectCodedAnswer(res);
      expect(res.status).toBe(400);
      expect(res.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });

    it('answers every document with JSON, a status below 500 and a documented code', async () => {
      const t = get();
      await fc.assert(
        fc.asyncProperty(documentRequest, async (request) => {
          expectCodedAnswer(await send(...toFetch(`${t.url}/graphql`, t.storefront('alpha'), request)));
        }),
        { numRuns: NUM_RUNS, seed },
      );
    });
  },
);
