import { sql } from 'kysely';
import type { IntrospectionQuery } from 'graphql';
import { seedPlugins } from '../../src/engine/seed';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { GUESTBOOK, codeOf, send, tenantsWith } from './harness';
import { INJECTION_STRINGS, getIntrospectionQuery, textArgumentCases } from './injection';

/**
 * Hostile input against a real gateway on each database: every refusal has its code and status, the
 * process stays healthy, and no data changes.
 */
const tenantsDir = tenantsWith(['catalog', 'guestbook'], {
  alpha: 'limits: { rateBucketSize: 1000000, rateRestorePerSecond: 100000 }',
  beta: 'limits: { rateBucketSize: 1000000, rateRestorePerSecond: 100000 }',
});

const LIST = `query($search: String, $after: String, $sortKey: GuestbookSortKey) {
  guestbook(first: 50, search: $search, after: $after, sortKey: $sortKey) {
    nodes { message } pageInfo { endCursor }
  }
}`;
const SIGN = 'mutation($message: String!) { signGuestbook(message: $message) { id message } }';

type ListData = { guestbook: { nodes: { message: string }[]; pageInfo: { endCursor: string | null } } };

/** Row counts of every table, read as the owner (no RLS): the "nothing changed" witness. */
async function snapshot(t: TestGateway): Promise<Record<string, number>> {
  const db = t.gateway.runtime.db;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const res = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = res.rows[0].n;
  }
  return counts;
}

describeEachDatabase('hostile input', { plugins: ['core', 'catalog', GUESTBOOK], tenantsDir }, (get) => {
  const healthy = async () => expect((await send(`${get().url}/healthz`)).status).toBe(200);
  const list = (tenant: string, variables: Record<string, unknown>) =>
    get().graphql<ListData>(LIST, variables, get().storefront(tenant));

  beforeAll(async () => {
    const t = get();
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
    for (const tenant of ['alpha', 'beta']) {
      for (const message of [
        `${tenant}: 100% cotton`,
        `${tenant}: plain_text`,
        `${tenant}: back\\slash`,
        `${tenant}: plain`,
      ]) {
        const res = await t.graphql(SIGN, { message }, t.storefront(tenant));
        expect(res.body.errors).toBeUndefined();
      }
    }
  });

  it('survives injection strings in every text and sort argument of every query field, changing nothing', async () => {
    const t = get();
    const admin = await t.admin('alpha');
    const introspection = await t.graphql<IntrospectionQuery>(getIntrospectionQuery(), undefined, admin);
    const cases = textArgumentCases(introspection.body.data!);
    const fields = new Set(cases.map((c) => c.field));
    for (const expected of ['products', 'guestbook']) expect(fields.has(expected)).toBe(true);
    expect(cases.some((c) => c.enumArgument)).toBe(true);

    const before = await snapshot(t);
    const leaks = /syntax error at or near|relation "|column "|pg_catalog|node_modules|\.ts:\d+|at [\w.]+ \(/i;
    for (const credentials of [t.storefront('alpha'), admin]) {
      for (const c of cases) {
        for (const payload of INJECTION_STRINGS) {
          const res = await send(`${t.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...credentials },
            body: JSON.stringify({ query: c.query, variables: { value: c.list ? [payload] : payload } }),
          });
          const where = `${c.field}(${c.argument}: ${JSON.stringify(payload)}) -> ${res.status} ${res.text.slice(0, 300)}`;
          expect({ where, ok: res.status < 500 && res.json !== undefined }).toEqual({ where, ok: true });
          const codes = (res.json?.errors ?? []).map((e) => e.extensions?.code);
          expect({ where, codes }).toEqual({ where, codes: codes.filter((code) => code !== 'INTERNAL_SERVER_ERROR') });
          expect({ where, leak: leaks.test(res.text) }).toEqual({ where, leak: false });
          if (c.enumArgument) expect({ where, code: codeOf(res) }).toEqual({ where, code: 'BAD_USER_INPUT' });
        }
      }
    }
    expect(await snapshot(t)).toEqual(before);
    await healthy();
  });

  it('matches LIKE wildcards literally in text search', async () => {
    const messages = async (search: string) =>
      (await list('alpha', { search })).body.data!.guestbook.nodes.map((n) => n.message).sort();
    expect(await messages('%')).toEqual(['alpha: 100% cotton']);
    expect(await messages('_')).toEqual(['alpha: plain_text']);
    expect(await messages('\\')).toEqual(['alpha: back\\slash']);
    expect(await messages('plain')).toEqual(['alpha: plain', 'alpha: plain_text']);
  });

  it('takes sort keys as enums only', async () => {
    const bad = await list('alpha', { sortKey: 'message; drop table guestbook_entries' });
    expect({ status: bad.status, code: codeOf(bad) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    const literal = await get().graphql(
      '{ guestbook(sortKey: "MESSAGE") { nodes { id } } }',
      {},
      get().storefront('alpha'),
    );
    expect(codeOf(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    const sorted = await list('alpha', { sortKey: 'MESSAGE' });
    const names = sorted.body.data!.guestbook.nodes.map((n) => n.message);
    expect(names).toEqual([...names].sort());
  });

  it('refuses NUL bytes and over-long strings with BAD_USER_INPUT, writing nothing', async () => {
    const t = get();
    const before = await snapshot(t);
    for (const res of [
      await list('alpha', { search: 'a\u0000b' }),
      await t.graphql('{ guestbook(search: "a\\u0000b") { nodes { id } } }', {}, t.storefront('alpha')),
      await t.graphql(SIGN, { message: 'nul\u0000byte' }, t.storefront('alpha')),
      await t.graphql(SIGN, { message: 'x'.repeat(70_000) }, t.storefront('alpha')),
    ]) {
      expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expect(res.body.data).toBeUndefined();
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('stores XSS payloads as text and returns them JSON-escaped', async () => {
    const t = get();
    const payload = '<img src=x onerror="alert(1)">&amp;';
    const signed = await t.graphql(SIGN, { message: payload }, t.storefront('beta'));
    expect(signed.body.errors).toBeUndefined();
    const raw = await send(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.storefront('beta') },
      body: JSON.stringify({ query: LIST, variables: { search: 'onerror' } }),
    });
    expect(raw.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect(raw.text).not.toMatch(/<img|&amp;/);
    expect(raw.text).toContain('\\u003cimg src=x onerror=\\"alert(1)\\"\\u003e\\u0026amp;');
    expect((raw.json!.data as ListData).guestbook.nodes.map((n) => n.message)).toEqual([payload]);
  });

  it('gives prototype-polluting variable keys no effect', async () => {
    const t = get();
    const body = `{"query": ${JSON.stringify(LIST)}, "variables": {"search": "plain", "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}}`;
    const res = await send(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.storefront('alpha') },
      body,
    });
    expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    await healthy();
  });

  it('validates cursors, and no cursor widens the tenant scope', async () => {
    for (const after of ['not a cursor!', Buffer.from('["1","2"]').toString('base64url'), 'x'.repeat(600)]) {
      const res = await list('alpha', { after });
      expect({ after, status: res.status, code: codeOf(res) }).toEqual({ after, status: 200, code: 'BAD_USER_INPUT' });
    }
    const injected = await list('alpha', { after: Buffer.from('["1 OR 1=1"]').toString('base64url') });
    expect(injected.body.data!.guestbook.nodes).toEqual([]);
    // A cursor before every id, and one taken from the other tenant: still only the caller's rows.
    const alphaCursor = (await list('alpha', { sortKey: 'OLDEST' })).body.data!.guestbook.pageInfo.endCursor;
    for (const after of [Buffer.from('["0"]').toString('base64url'), alphaCursor]) {
      const res = await list('beta', { after, sortKey: 'OLDEST' });
      expect(res.body.errors).toBeUndefined();
      const messages = res.body.data!.guestbook.nodes.map((n) => n.message);
      expect(messages).toContain('beta: plain');
      expect(messages.some((m) => m.startsWith('alpha'))).toBe(false);
    }
  });

  it('masks unknown and database errors: a request id, no SQL, path, host or secret', async () => {
    const t = get();
    for (const field of ['crashingQuery', 'failingQuery']) {
      const res = await send(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...t.storefront('alpha') },
        body: JSON.stringify({ query: `{ ${field} }` }),
      });
      const error = res.json!.errors![0];
      expect(error.message).toBe('Internal server error');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') });
      expect(res.text).not.toMatch(
        /secret_column|guestbook_entries|select|division|hunter2|\/home\/|db\.internal|ENOENT|stack/i,
      );
    }
    await healthy();
  });
});
