import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { catalogSuite, errorCodes, ok, seedDemo } from './catalog-kit';

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $sortKey: ProductSortKeys, $reverse: Boolean, $query: String) {
  products(first: $first, after: $after, last: $last, before: $before, sortKey: $sortKey, reverse: $reverse, query: $query) {
    nodes { id handle }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

interface Page {
  nodes: { id: string; handle: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  totalCount: number;
}

async function list(t: TestGateway, vars: Record<string, unknown>, auth: Auth): Promise<Page> {
  return (await ok<{ products: Page }>(t, LIST, vars, auth)).products;
}

/** Every handle in order, following endCursor forwards. */
async function forwards(t: TestGateway, vars: Record<string, unknown>, auth: Auth, size: number) {
  const handles: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await list(t, { ...vars, first: size, after }, auth);
    handles.push(...page.nodes.map((n) => n.handle));
    if (!page.pageInfo.hasNextPage) return handles;
    after = page.pageInfo.endCursor;
  }
}

/** Every handle in order, following startCursor backwards from the end. */
async function backwards(t: TestGateway, vars: Record<string, unknown>, auth: Auth, size: number) {
  const handles: string[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await list(t, { ...vars, last: size, before }, auth);
    handles.unshift(...page.nodes.map((n) => n.handle));
    if (!page.pageInfo.hasPreviousPage) return handles;
    before = page.pageInfo.startCursor;
  }
}

const ORDER: Record<string, string> = {
  ID: 'id',
  TITLE: 'title, id',
  PRICE: 'min_price, id',
  CREATED_AT: 'created_at, id',
  BEST_SELLING: 'total_sold desc, id desc',
};

/** The storefront-visible handles in a given SQL order, read straight from the table. */
async function expectedHandles(t: TestGateway, tenant: string, order: string, reverse: boolean): Promise<string[]> {
  const rows = await t.gateway.runtime.withTenant(tenant, (db) =>
    sql<{ handle: string }>`select handle from products
      where status = 'ACTIVE' and published_at <= now() order by ${sql.raw(order)}`.execute(db),
  );
  const handles = rows.rows.map((r) => r.handle);
  return reverse ? handles.reverse() : handles;
}

describeEachDatabase('catalog pagination', catalogSuite(), (get) => {
  beforeAll(() => seedDemo(get()));

  it.each(Object.keys(ORDER).flatMap((key) => [[key, false] as const, [key, true] as const]))(
    'pages %s (reverse %s) forwards and backwards in the order of the sort key',
    async (sortKey, reverse) => {
      const t = get();
      const auth = t.storefront('alpha');
      const expected = await expectedHandles(t, 'alpha', ORDER[sortKey], reverse);
      expect(expected.length).toBe(188);
      expect(await forwards(t, { sortKey, reverse }, auth, 50)).toEqual(expected);
      expect(await backwards(t, { sortKey, reverse }, auth, 70)).toEqual(expected);
    },
  );

  it('ranks RELEVANCE by exact title, then prefix, then substring, then other fields', async () => {
    const t = get();
    const page = await list(t, { query: 'alpine jacket 1', sortKey: 'RELEVANCE', first: 5 }, t.storefront('alpha'));
    expect(page.nodes[0].handle).toBe('alpine-jacket-1');
    const broad = await forwards(t, { query: 'Tent', sortKey: 'RELEVANCE' }, t.storefront('alpha'), 7);
    const titles = broad.map((h) => h.includes('tent'));
    // Every title match comes before any product matched on other fields only.
    expect(titles.indexOf(false) === -1 || titles.lastIndexOf(true) < titles.indexOf(false)).toBe(true);
    expect(await backwards(t, { query: 'Tent', sortKey: 'RELEVANCE' }, t.storefront('alpha'), 6)).toEqual(broad);
  });

  it('reports page boundaries and totalCount (storefront sees published products, admins all)', async () => {
    const t = get();
    const first = await list(t, { first: 10 }, t.storefront('alpha'));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(188);
    const second = await list(t, { first: 10, after: first.pageInfo.endCursor }, t.storefront('alpha'));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = await list(t, { last: 10, before: second.pageInfo.startCursor }, t.storefront('alpha'));
    expect(back.nodes).toEqual(first.nodes);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const admin = await list(t, { first: 1 }, await t.admin('alpha', { scopes: ['read_products'] }));
    expect(admin.totalCount).toBe(200);
  });

  it('keeps cursors stable when rows are inserted between pages', async () => {
    const t = get();
    const auth = await t.admin('alpha');
    const vars = { sortKey: 'TITLE' };
    const before = await forwards(t, vars, auth, 200);
    const page1 = await list(t, { ...vars, first: 20 }, auth);
    const created = await ok(
      t,
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { handle } userErrors { code } } }`,
      { input: { title: 'Alpine Aardvark', status: 'ACTIVE' } },
      auth,
    );
    expect(created.productCreate.userErrors).toEqual([]);
    // 'Alpine Aardvark' sorts inside page 1: page 2 still starts right after page 1's last row.
    expect(before.indexOf('alpine-jacket-1')).toBeLessThan(20);
    const page2 = await list(t, { ...vars, first: 20, after: page1.pageInfo.endCursor }, auth);
    expect(page2.nodes.map((n) => n.handle)).toEqual(before.slice(20, 40));
    const back = await list(t, { ...vars, last: 20, before: page2.pageInfo.startCursor }, auth);
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    expect((await list(t, { ...vars, first: 1 }, auth)).nodes[0].handle).toBe('alpine-aardvark');
  });

  it('keeps its cursors: list, sort key and direction, the exact sort value, the id', async () => {
    const t = get();
    const auth = t.storefront('alpha');
    const values: [string, boolean, string][] = [
      ['ID', false, 'null'],
      ['TITLE', true, 'title'],
      ['PRICE', false, 'min_price::text'],
      ['CREATED_AT', true, `to_json(created_at) #>> '{}'`],
      ['BEST_SELLING', false, 'total_sold'],
    ];
    for (const [sortKey, reverse, value] of values) {
      const page = await list(t, { sortKey, reverse, first: 3 }, auth);
      const id = localIdOf(page.nodes[2].id, 'Product');
      const { rows } = await t.gateway.runtime.withTenant('alpha', (db) =>
        sql<{ value: unknown }>`select ${sql.raw(value)} as value from products where id = ${id}`.execute(db),
      );
      const name = `product:${sortKey}${reverse ? ':reverse' : ''}`;
      expect(JSON.parse(Buffer.from(page.pageInfo.endCursor, 'base64url').toString())).toEqual([
        name,
        rows[0].value,
        id,
      ]);
    }
  });

  it('rejects malformed cursors, cursors of another sort or list, and bad sizes with BAD_USER_INPUT', async () => {
    const t = get();
    const auth = t.storefront('alpha');
    const byTitle = await list(t, { sortKey: 'TITLE', first: 2 }, auth);
    const collections = await ok(t, `{ collections(first: 1) { pageInfo { endCursor } } }`, {}, auth);
    const encode = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const forged = encode(['product:TITLE', "x' or 1=1 --", '1; drop table products']);
    const noSuchDay = encode(['product:CREATED_AT', '2025-02-30T10:00:00Z', '1']);
    for (const vars of [
      { first: 2, after: 'not-a-cursor' },
      { first: 2, after: byTitle.pageInfo.endCursor },
      { first: 2, sortKey: 'PRICE', after: byTitle.pageInfo.endCursor },
      { first: 2, sortKey: 'TITLE', reverse: true, after: byTitle.pageInfo.endCursor },
      { first: 2, after: collections.collections.pageInfo.endCursor },
      { first: 2, sortKey: 'TITLE', after: forged },
      { first: 2, sortKey: 'CREATED_AT', after: noSuchDay },
      { first: 2, last: 2 },
      { first: 251 },
    ]) {
      expect({ vars, codes: await errorCodes(t, LIST, vars, auth) }).toEqual({ vars, codes: ['BAD_USER_INPUT'] });
    }
  });

  it("never widens a page to another tenant's rows, whatever the cursor", async () => {
    const t = get();
    const alphaPage = await list(t, { first: 5 }, t.storefront('alpha'));
    const betaPage = await list(t, { first: 5, after: alphaPage.pageInfo.endCursor }, t.storefront('beta'));
    const asAlpha = await ok(
      t,
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: betaPage.nodes.map((n) => n.id) },
      t.storefront('alpha'),
    );
    expect(betaPage.nodes.length).toBe(5);
    expect(asAlpha.nodes).toEqual([null, null, null, null, null]);
  });
});
