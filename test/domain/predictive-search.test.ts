import { describeEachDatabase, readFraming, stampTenant } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { errorCodes, ok, seedDemo } from './catalog-kit';
import { searchSuite } from './search-kit';

const PREDICT = `query($query: String!, $limit: Int) {
  predictiveSearch(query: $query, limit: $limit) {
    products { title status }
    collections { handle }
    queries { text styledText }
  }
}`;

interface Predicted {
  products: { title: string; status: string }[];
  collections: { handle: string }[];
  queries: { text: string; styledText: string }[];
}

async function predict(t: TestGateway, auth: Auth, query: string, limit = 10) {
  return (await ok<{ predictiveSearch: Predicted }>(t, PREDICT, { query, limit }, auth)).predictiveSearch;
}

describeEachDatabase('predictive search', searchSuite(), (get, kind) => {
  let storefront: Auth;
  beforeAll(async () => {
    await seedDemo(get());
    storefront = get().storefront('alpha');
  });
  beforeEach(() => stampTenant(get(), 'alpha'));

  it('completes the last word from visible titles, with products and collections, in 2 statements', async () => {
    const t = get();
    const res = await t.graphql<{ predictiveSearch: Predicted }>(PREDICT, { query: 'jac', limit: 5 }, storefront);
    expect(res.body.errors).toBeUndefined();
    const found = res.body.data!.predictiveSearch;
    expect(found.products).toHaveLength(5);
    expect(found.products.every((p) => p.title.includes('Jacket') && p.status === 'ACTIVE')).toBe(true);
    expect(found.collections.map((c) => c.handle)).toEqual(['jackets']);
    expect(found.queries).toEqual([{ text: 'jacket', styledText: 'jac<mark>ket</mark>' }]);
    expect(Number(res.headers.get('x-sql-statements'))).toBeLessThanOrEqual(readFraming(kind) + 2);

    const two = await predict(t, storefront, 'alpine jac');
    expect(two.queries.map((q) => q.text)).toEqual(['alpine jacket']);
    expect(two.products.every((p) => p.title.startsWith('Alpine Jacket'))).toBe(true);
  });

  it('tolerates a typo in the word being typed', async () => {
    const found = await predict(get(), storefront, 'backpak');
    expect(found.products.length).toBeGreaterThan(0);
    expect(found.products.every((p) => p.title.includes('Backpack'))).toBe(true);
  });

  it('shows unpublished collections and draft products to admins only', async () => {
    const t = get();
    expect((await predict(t, storefront, 'staff')).collections).toEqual([]);
    expect((await predict(t, await t.admin('alpha'), 'staff')).collections.map((c) => c.handle)).toEqual([
      'staff-picks',
    ]);
    // Both Nordic blankets of the demo seed are drafts.
    expect((await predict(t, storefront, 'nordic blank')).products).toEqual([]);
    const drafts = (await predict(t, await t.admin('alpha'), 'nordic blank')).products;
    expect(drafts.map((p) => p.status)).toEqual(['DRAFT', 'DRAFT']);
  });

  it('refuses a limit out of range', async () => {
    expect(await errorCodes(get(), PREDICT, { query: 'jac', limit: 11 }, storefront)).toEqual(['BAD_USER_INPUT']);
  });
});
