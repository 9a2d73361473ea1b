import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $sortKey: CustomerSortKeys, $reverse: Boolean, $filter: CustomerFilter) {
  customers(first: $first, after: $after, last: $last, before: $before, sortKey: $sortKey, reverse: $reverse, filter: $filter) {
    nodes { id email displayName }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

type Page = {
  customers: {
    nodes: { id: string; email: string; displayName: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    totalCount: number;
  };
};

const PEOPLE = [
  ['ann_lee@shop.example', 'Ann', 'Lee'],
  ['annxlee@shop.example', 'Annx', 'Lee'],
  ['bob@shop.example', 'Bob', '100% Cotton'],
  ['carol@shop.example', 'Carol', 'Baker'],
  ['dave@shop.example', 'Dave', 'Adams'],
  ['erin@shop.example', null, null],
] as const;

async function seedPeople(t: TestGateway) {
  for (const tenant of ['alpha', 'beta']) {
    await t.gateway.runtime.withTenant(tenant, async (db) => {
      for (const [i, [email, first, last]] of PEOPLE.entries()) {
        await sql`insert into customers (tenant_id, email, first_name, last_name, created_at)
          values (${tenant}, ${email}, ${first}, ${last}, ${`2025-01-0${i + 1}T10:00:00.123456Z`})`.execute(db);
      }
    });
  }
}

describeEachDatabase('customers', { plugins: ['core', 'customers'] }, (get) => {
  let admin: Record<string, string>;
  const list = async (variables: Record<string, unknown>, auth = admin) => get().graphql<Page>(LIST, variables, auth);
  const emails = (res: { body: { data?: Page | null } }) => res.body.data!.customers.nodes.map((n) => n.email);

  beforeAll(async () => {
    await seedPeople(get());
    admin = await get().admin('alpha', { scopes: ['read_customers', 'write_customers'] });
  });

  it('pages forwards and backwards with keyset cursors and a total count', async () => {
    const first = await list({ first: 2 });
    expect(first.body.errors).toBeUndefined();
    expect(emails(first)).toEqual(['ann_lee@shop.example', 'annxlee@shop.example']);
    expect(first.body.data!.customers.totalCount).toBe(6);
    expect(first.body.data!.customers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await list({ first: 2, after: first.body.data!.customers.pageInfo.endCursor });
    expect(emails(second)).toEqual(['bob@shop.example', 'carol@shop.example']);
    const back = await list({ last: 2, before: second.body.data!.customers.pageInfo.startCursor });
    expect(emails(back)).toEqual(['ann_lee@shop.example', 'annxlee@shop.example']);
    expect(back.body.data!.customers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('sorts by name and by creation time, in either direction', async () => {
    const byName = await list({ first: 10, sortKey: 'NAME' });
    expect(emails(byName)).toEqual([
      'erin@shop.example',
      'bob@shop.example',
      'dave@shop.example',
      'carol@shop.example',
      'ann_lee@shop.example',
      'annxlee@shop.example',
    ]);
    const newest = await list({ first: 2, sortKey: 'CREATED_AT', reverse: true });
    expect(emails(newest)).toEqual(['erin@shop.example', 'dave@shop.example']);
    // Microsecond timestamps survive the cursor: the next page neither repeats nor skips a row.
    const next = await list({
      first: 2,
      sortKey: 'CREATED_AT',
      reverse: true,
      after: newest.body.data!.customers.pageInfo.endCursor,
    });
    expect(emails(next)).toEqual(['carol@shop.example', 'bob@shop.example']);
  });

  it('keeps its cursors: the sort key, the sort column as Postgres writes it as text, the id', async () => {
    const columns = { ID: 'id', CREATED_AT: 'created_at', UPDATED_AT: 'updated_at', NAME: 'name_key' };
    for (const [sortKey, column] of Object.entries(columns)) {
      const res = await list({ first: 2, sortKey, reverse: sortKey === 'CREATED_AT' });
      const id = localIdOf(res.body.data!.customers.nodes[1].id, 'Customer');
      const { rows } = await get().gateway.runtime.withTenant('alpha', (db) =>
        sql<{ value: string }>`select ${sql.ref(column)}::text as value from customers where id = ${id}`.execute(db),
      );
      const cursor = res.body.data!.customers.pageInfo.endCursor;
      expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([sortKey, rows[0].value, id]);
    }
  });

  it('refuses a cursor of another sort with BAD_USER_INPUT', async () => {
    const byName = await list({ first: 1, sortKey: 'NAME' });
    const res = await list({ first: 1, sortKey: 'CREATED_AT', after: byName.body.data!.customers.pageInfo.endCursor });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor whose sort value is not of its column’s type with BAD_USER_INPUT', async () => {
    for (const [sortKey, value] of [
      ['UPDATED_AT', '2025-13-45 99:00:00+00'],
      ['ID', '12a'],
    ]) {
      const after = Buffer.from(JSON.stringify([sortKey, value, '1'])).toString('base64url');
      const res = await list({ first: 1, sortKey, after });
      expect({ sortKey, codes: res.body.errors?.map((e) => e.extensions?.code) }).toEqual({
        sortKey,
        codes: ['BAD_USER_INPUT'],
      });
    }
  });

  it('searches literally: LIKE wildcards in the query match only themselves', async () => {
    expect(emails(await list({ filter: { query: 'ann_lee' } }))).toEqual(['ann_lee@shop.example']);
    expect(emails(await list({ filter: { query: '100%' } }))).toEqual(['bob@shop.example']);
    expect(emails(await list({ filter: { query: '%' } }))).toEqual(['bob@shop.example']);
    expect(emails(await list({ filter: { query: 'LEE' } }))).toEqual(['ann_lee@shop.example', 'annxlee@shop.example']);
    const counted = await list({ first: 1, filter: { query: 'lee' } });
    expect(counted.body.data!.customers.totalCount).toBe(2);
  });

  it('filters by creation date range', async () => {
    const res = await list({ filter: { createdAtMin: '2025-01-02T00:00:00Z', createdAtMax: '2025-01-03T23:00:00Z' } });
    expect(emails(res)).toEqual(['annxlee@shop.example', 'bob@shop.example']);
  });

  it('keeps personal data from storefront tokens and from staff without the scope', async () => {
    const t = get();
    const page = await list({ first: 1 });
    const id = page.body.data!.customers.nodes[0].id;
    const asStorefront = await list({ first: 1 }, t.storefront('alpha'));
    expect(asStorefront.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noScope = await list({ first: 1 }, await t.admin('alpha', { scopes: ['read_orders'] }));
    expect(noScope.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const node = await t.graphql<{ node: unknown }>(
      'query($id: ID!) { node(id: $id) { id } }',
      { id },
      t.storefront('alpha'),
    );
    expect(node.body.data).toEqual({ node: null });
    const asBeta = await t.graphql<{ customer: unknown }>(
      'query($id: ID!) { customer(id: $id) { id } }',
      { id },
      await t.admin('beta', { scopes: ['read_customers'] }),
    );
    expect(asBeta.body.data).toEqual({ customer: null });
    const mine = await t.graphql<{ customer: { email: string } }>(
      'query($id: ID!) { customer(id: $id) { email } }',
      { id },
      admin,
    );
    expect(mine.body.data!.customer.email).toBe('ann_lee@shop.example');
  });

  describe('customerCreate and customerUpdate', () => {
    const CREATE = `mutation($input: CustomerInput!) { customerCreate(input: $input) {
      customer { id email firstName displayName } userErrors { field code message } } }`;
    const UPDATE = `mutation($id: ID!, $input: CustomerInput!) { customerUpdate(id: $id, input: $input) {
      customer { id email lastName } userErrors { field code message } } }`;
    type Result = { customer: { id: string; email: string } | null; userErrors: { field: string[]; code: string }[] };

    it('creates a customer with a normalised email and refuses a duplicate as TAKEN', async () => {
      const t = get();
      const created = await t.graphql<{ customerCreate: Result }>(
        CREATE,
        { input: { email: ' New@Shop.Example ', firstName: 'New' } },
        admin,
      );
      expect(created.body.data!.customerCreate).toMatchObject({
        customer: { email: 'new@shop.example' },
        userErrors: [],
      });
      const again = await t.graphql<{ customerCreate: Result }>(
        CREATE,
        { input: { email: 'NEW@shop.example' } },
        admin,
      );
      expect(again.body.data!.customerCreate).toEqual({
        customer: null,
        userErrors: [{ field: ['input', 'email'], code: 'TAKEN', message: expect.any(String) }],
      });
    });

    it('names the field of each invalid input', async () => {
      const t = get();
      const cases: [Record<string, unknown>, string[], string][] = [
        [{ firstName: 'x' }, ['input', 'email'], 'BLANK'],
        [{ email: 'not-an-email' }, ['input', 'email'], 'INVALID'],
        [{ email: 'a@b.example', lastName: 'x'.repeat(256) }, ['input', 'lastName'], 'TOO_LONG'],
        [{ email: 'a@b.example', phone: 'call me' }, ['input', 'phone'], 'INVALID'],
      ];
      for (const [input, field, code] of cases) {
        const res = await t.graphql<{ customerCreate: Result }>(CREATE, { input }, admin);
        expect(res.body.data!.customerCreate.userErrors).toEqual([{ field, code, message: expect.any(String) }]);
      }
    });

    it('updates a customer; an unknown id is NOT_FOUND; taking another email is TAKEN', async () => {
      const t = get();
      const page = await list({ first: 2 });
      const [ann, annx] = page.body.data!.customers.nodes;
      const updated = await t.graphql<{ customerUpdate: Result }>(
        UPDATE,
        { id: ann.id, input: { lastName: 'Leigh' } },
        admin,
      );
      expect(updated.body.data!.customerUpdate).toMatchObject({ customer: { lastName: 'Leigh' }, userErrors: [] });
      const taken = await t.graphql<{ customerUpdate: Result }>(
        UPDATE,
        { id: annx.id, input: { email: ann.email } },
        admin,
      );
      expect(taken.body.data!.customerUpdate.userErrors[0].code).toBe('TAKEN');
      const missing = await t.graphql<{ customerUpdate: Result }>(
        UPDATE,
        { id: 'bm90LWFuLWlk', input: { lastName: 'x' } },
        admin,
      );
      expect(missing.body.data!.customerUpdate.userErrors[0]).toMatchObject({ field: ['id'], code: 'NOT_FOUND' });
      const readOnly = await t.graphql(
        UPDATE,
        { id: ann.id, input: { lastName: 'x' } },
        await t.admin('alpha', { scopes: ['read_customers'] }),
      );
      expect(readOnly.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
