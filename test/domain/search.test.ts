import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { errorCodes, ok, seedDemo } from './catalog-kit';
import { DEMO, hasType, searchSuite, visible } from './search-kit';

const SEARCH = `query($query: String!, $first: Int, $after: String, $sortKey: SearchSortKeys, $reverse: Boolean) {
  search(query: $query, first: $first, after: $after, sortKey: $sortKey, reverse: $reverse) {
    totalCount
    nodes { handle title status }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Found {
  totalCount: number;
  nodes: { handle: string; title: string; status: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function search(t: TestGateway, auth: Auth, query: string, extra: Record<string, unknown> = {}) {
  const data = await ok<{ search: Found }>(t, SEARCH, { query, first: 250, ...extra }, auth);
  return data.search;
}

const handles = (found: Found) => found.nodes.map((n) => n.handle).sort();
const demoHandles = (keep: (p: (typeof DEMO)[number]) => boolean) =>
  DEMO.filter(keep)
    .map((p) => p.product.handle)
    .sort();

describeEachDatabase('search', searchSuite(), (get) => {
  let storefront: Auth;
  let admin: Auth;
  const create = `mutation($input: ProductCreateInput!) { productCreate(input: $input) { userErrors { code } } }`;
  beforeAll(async () => {
    const t = get();
    await seedDemo(t);
    storefront = t.storefront('alpha');
    admin = await t.admin('alpha');
    for (const input of [
      { title: 'Windbreaker Shell', description: 'Lighter than a zephyr.', status: 'ACTIVE' },
      { title: 'Zephyr Parka', description: 'Warm.', status: 'ACTIVE' },
      { title: 'Zephyr Prototype', status: 'DRAFT' },
    ]) {
      expect((await ok(t, create, { input }, admin)).productCreate.userErrors).toEqual([]);
    }
    const german = { title: 'Rote Wanderschuhe', description: 'Leichte Schuhe für lange Wege.', status: 'ACTIVE' };
    expect((await ok(t, create, { input: german }, await t.admin('beta'))).productCreate.userErrors).toEqual([]);
  });

  it('ranks a title match above a description match', async () => {
    const found = await search(get(), storefront, 'zephyr');
    expect(found.nodes.map((n) => n.title)).toEqual(['Zephyr Parka', 'Windbreaker Shell']);
    expect(found.totalCount).toBe(2);
  });

  it('stems words in the shop language: jackets finds every visible jacket', async () => {
    const t = get();
    const expected = demoHandles((p) => visible(p) && hasType('Jacket')(p));
    expect(expected.length).toBeGreaterThan(0);
    expect(handles(await search(t, storefront, 'jackets'))).toEqual(expected);
    expect(handles(await search(t, storefront, 'JACKET'))).toEqual(expected);
  });

  it('stems German for a German shop, and each tenant finds only its own products', async () => {
    const t = get();
    const beta = t.storefront('beta');
    expect((await search(t, beta, 'schuh')).nodes.map((n) => n.title)).toEqual(['Rote Wanderschuhe']);
    expect((await search(t, beta, 'zephyr')).totalCount).toBe(0);
    expect((await search(t, storefront, 'wanderschuhe')).totalCount).toBe(0);
  });

  it('tolerates typos: jakcet finds the jackets', async () => {
    const t = get();
    const expected = demoHandles((p) => visible(p) && hasType('Jacket')(p));
    expect(handles(await search(t, storefront, 'jakcet'))).toEqual(expected);
    expect(handles(await search(t, storefront, 'backpak'))).toEqual(
      demoHandles((p) => visible(p) && hasType('Backpack')(p)),
    );
  });

  it('supports prefixes, phrases and excluded words', async () => {
    const t = get();
    expect(handles(await search(t, storefront, 'jack*'))).toEqual(
      demoHandles((p) => visible(p) && hasType('Jacket')(p)),
    );
    const phrase = demoHandles((p) => visible(p) && p.product.title.startsWith('Alpine Jacket'));
    expect(phrase.length).toBeGreaterThan(0);
    expect(handles(await search(t, storefront, '"alpine jacket"'))).toEqual(phrase);
    expect(handles(await search(t, storefront, 'jacket -alpine'))).toEqual(
      demoHandles((p) => visible(p) && hasType('Jacket')(p) && !p.product.title.startsWith('Alpine')),
    );
    // A variant SKU is searchable.
    const sku = DEMO[3].variants[0].sku;
    expect(handles(await search(t, storefront, sku))).toEqual([DEMO[3].product.handle]);
  });

  it('never shows or counts unpublished products to the storefront; admins see drafts', async () => {
    const t = get();
    const blankets = hasType('Blanket');
    const shown = await search(t, storefront, 'blanket');
    expect(handles(shown)).toEqual(demoHandles((p) => visible(p) && blankets(p)));
    expect(shown.totalCount).toBe(DEMO.filter((p) => visible(p) && blankets(p)).length);
    expect(shown.nodes.every((n) => n.status === 'ACTIVE')).toBe(true);
    const all = await search(t, admin, 'blanket');
    expect(all.totalCount).toBe(DEMO.filter(blankets).length);
    expect(all.totalCount).toBeGreaterThan(shown.totalCount);
    expect((await search(t, storefront, 'prototype')).totalCount).toBe(0);
    expect((await search(t, admin, 'prototype')).totalCount).toBe(1);
  });

  it('pages through ranked results with stable cursors', async () => {
    const t = get();
    const all = await search(t, storefront, 'alpine jacket');
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Found = await search(t, storefront, 'alpine jacket', { first: 3, after });
      seen.push(...page.nodes.map((n) => n.handle));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.nodes.map((n) => n.handle));
    const reversed = await search(t, storefront, 'alpine jacket', { reverse: true });
    expect(reversed.nodes.map((n) => n.handle)).toEqual([...seen].reverse());
  });

  it('keeps the index current with product and variant writes, in the same transaction', async () => {
    const t = get();
    const made = await ok(
      t,
      `mutation { productCreate(input: { title: "Quokka Lantern", status: ACTIVE }) { product { id } userErrors { code } } }`,
      {},
      admin,
    );
    const id = made.productCreate.product.id;
    expect((await search(t, storefront, 'quokka')).totalCount).toBe(1);
    const renamed = await ok(
      t,
      `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { userErrors { code } } }`,
      { input: { id, title: 'Wombat Lantern' } },
      admin,
    );
    expect(renamed.productUpdate.userErrors).toEqual([]);
    expect((await search(t, storefront, 'quokka')).totalCount).toBe(0);
    expect((await search(t, storefront, 'wombat')).nodes.map((n) => n.title)).toEqual(['Wombat Lantern']);
    const variant = await ok(
      t,
      `mutation($input: ProductVariantCreateInput!) { productVariantCreate(input: $input) { userErrors { code } } }`,
      { input: { productId: id, sku: 'WL-77X', price: '12.00' } },
      admin,
    );
    expect(variant.productVariantCreate.userErrors).toEqual([]);
    expect((await search(t, storefront, 'WL-77X')).nodes.map((n) => n.title)).toEqual(['Wombat Lantern']);
    const deleted = await ok(
      t,
      `mutation($input: ProductDeleteInput!) { productDelete(input: $input) { userErrors { code } } }`,
      { input: { id } },
      admin,
    );
    expect(deleted.productDelete.userErrors).toEqual([]);
    expect((await search(t, admin, 'wombat')).totalCount).toBe(0);
  });

  it('parses any input safely and refuses queries over the limits', async () => {
    const t = get();
    for (const query of ['a & | ! ( ) :* \\ \' <-> "', '-', '"', '***', 'jacket:*A', '!!x']) {
      const res = await t.graphql(SEARCH, { query }, storefront);
      expect(res.body.errors).toBeUndefined();
    }
    expect(await errorCodes(t, SEARCH, { query: 'x'.repeat(257) }, storefront)).toEqual(['BAD_USER_INPUT']);
    expect(await errorCodes(t, SEARCH, { query: 'a b c d e f g h i j k' }, storefront)).toEqual(['BAD_USER_INPUT']);
  });
});
