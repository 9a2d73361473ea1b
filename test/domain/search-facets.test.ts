import { sql } from 'kysely';
import { describeEachDatabase, readFraming, stampTenant } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { ok, seedDemo } from './catalog-kit';
import { countBy, DEMO, searchSuite, visible, type DemoProduct } from './search-kit';

const FACETED = `query($query: String!, $filters: [ProductFilter!]) {
  search(query: $query, first: 24, productFilters: $filters) {
    totalCount
    nodes { handle }
    productFilters { id label type values { label count input } }
  }
}`;

interface Facet {
  id: string;
  label: string;
  type: string;
  values: { label: string; count: number; input: string }[];
}

async function faceted(t: TestGateway, auth: Auth, query: string, filters: unknown[]) {
  const data = await ok<{ search: { totalCount: number; nodes: unknown[]; productFilters: Facet[] } }>(
    t,
    FACETED,
    { query, filters },
    auth,
  );
  return data.search;
}

const counts = (facet: Facet | undefined) => new Map(facet?.values.map((v) => [v.label, v.count]));
const facet = (facets: Facet[], id: string) => facets.find((f) => f.id === id);

// The filters applied: two vendors (alternatives), a tag, a size.
const VENDORS = ['Northwind', 'Fjord'];
const byVendor = (p: DemoProduct) => VENDORS.includes(p.product.vendor);
const byTag = (p: DemoProduct) => p.product.tags.includes('sale');
const bySize = (p: DemoProduct) => p.sizes.includes('M');
const FILTERS = [
  { vendor: 'Northwind' },
  { vendor: 'Fjord' },
  { tag: 'sale' },
  { variantOption: { name: 'Size', value: 'M' } },
];

describeEachDatabase('search facets', searchSuite(), (get, kind) => {
  let storefront: Auth;
  beforeAll(async () => {
    await seedDemo(get());
    storefront = get().storefront('alpha');
  });
  beforeEach(() => stampTenant(get(), 'alpha'));

  it('counts each facet with the other facets applied and its own left out (disjunctive)', async () => {
    const t = get();
    // "built" is in every description: the whole visible catalog matches.
    const found = await faceted(t, storefront, 'built', FILTERS);
    const shown = DEMO.filter(visible);
    expect(found.totalCount).toBe(shown.filter((p) => byVendor(p) && byTag(p) && bySize(p)).length);
    expect(found.totalCount).toBeGreaterThan(0);

    const vendors = countBy(
      shown.filter((p) => byTag(p) && bySize(p)),
      (p) => [p.product.vendor],
    );
    expect(counts(facet(found.productFilters, 'filter.p.vendor'))).toEqual(vendors);
    expect(vendors.size).toBeGreaterThan(VENDORS.length);

    const tags = countBy(
      shown.filter((p) => byVendor(p) && bySize(p)),
      (p) => p.product.tags,
    );
    expect(counts(facet(found.productFilters, 'filter.p.tag'))).toEqual(tags);

    const sizes = countBy(
      shown.filter((p) => byVendor(p) && byTag(p)),
      (p) => p.sizes,
    );
    expect(counts(facet(found.productFilters, 'filter.v.option.size'))).toEqual(sizes);

    const types = countBy(
      shown.filter((p) => byVendor(p) && byTag(p) && bySize(p)),
      (p) => [p.product.product_type],
    );
    expect(counts(facet(found.productFilters, 'filter.p.product_type'))).toEqual(types);

    const all = shown.filter((p) => byVendor(p) && byTag(p) && bySize(p));
    const price = facet(found.productFilters, 'filter.v.price')!;
    expect(price.type).toBe('PRICE_RANGE');
    expect(JSON.parse(price.values[0].input)).toEqual({
      price: {
        min: Math.min(...all.map((p) => Number(p.product.min_price))).toFixed(2),
        max: Math.max(...all.map((p) => Number(p.product.max_price))).toFixed(2),
      },
    });
  });

  it('counts availability from the variants stock, and a value passed back widens its own facet', async () => {
    const t = get();
    const found = await faceted(t, storefront, 'built', FILTERS);
    const { rows } = await t.gateway.runtime.withTenant('alpha', (db) =>
      sql<{ in_stock: boolean; n: string }>`select exists (select 1 from product_variants v where v.product_id = p.id
          and (v.inventory_quantity is null or v.inventory_quantity > 0)) as in_stock, count(*) as n
        from products p where status = 'ACTIVE' and published_at <= now() and vendor in ('Northwind', 'Fjord')
          and 'sale' = any(tags) and exists (select 1 from product_options o where o.product_id = p.id
          and o.name = 'Size' and 'M' = any(o.values)) group by 1`.execute(db),
    );
    const expected = new Map(rows.map((r) => [r.in_stock ? 'In stock' : 'Out of stock', Number(r.n)]));
    const availability = counts(facet(found.productFilters, 'filter.v.availability'));
    expect(availability.get('In stock')).toBe(expected.get('In stock') ?? 0);
    expect(availability.get('Out of stock')).toBe(expected.get('Out of stock') ?? 0);

    const blueRidge = facet(found.productFilters, 'filter.p.vendor')!.values.find((v) => v.label === 'Blue Ridge')!;
    const widened = await faceted(t, storefront, 'built', [...FILTERS, JSON.parse(blueRidge.input)]);
    expect(widened.totalCount).toBe(found.totalCount + blueRidge.count);
  });

  it('never counts unpublished products for the storefront', async () => {
    const t = get();
    const shop = await faceted(t, storefront, 'blanket', []);
    const admin = await faceted(t, await t.admin('alpha'), 'blanket', []);
    const blankets = DEMO.filter((p) => p.product.product_type === 'Blanket');
    const typeCount = (found: { productFilters: Facet[] }) =>
      counts(facet(found.productFilters, 'filter.p.product_type')).get('Blanket');
    expect(typeCount(shop)).toBe(blankets.filter(visible).length);
    expect(typeCount(admin)).toBe(blankets.length);
    expect(typeCount(admin)).toBeGreaterThan(typeCount(shop)!);
  });

  it('answers a search ranked by relevance with all facets and 24 results in one statement', async () => {
    const t = get();
    const res = await t.graphql(FACETED, { query: 'built', filters: FILTERS }, storefront);
    expect(res.body.errors).toBeUndefined();
    expect(Number(res.headers.get('x-sql-statements'))).toBe(readFraming(kind) + 1);
    const wide = await t.graphql(FACETED, { query: 'jakcet', filters: [] }, storefront);
    expect(wide.body.errors).toBeUndefined();
    expect(Number(wide.headers.get('x-sql-statements'))).toBe(readFraming(kind) + 1);
  });

  it('answers in one statement what the page and the facets answer apart, on every page both ways', async () => {
    const t = get();
    // Nodes alone: the page's own statement. Sorted by price: the page apart, then the facet statement.
    const paged = (counted: string) => `query($query: String!, $filters: [ProductFilter!], $first: Int,
      $after: String, $last: Int, $before: String, $sortKey: SearchSortKeys) {
      search(query: $query, productFilters: $filters, first: $first, after: $after, last: $last, before: $before,
        sortKey: $sortKey) { ${counted} pageInfo { startCursor endCursor hasNextPage hasPreviousPage } nodes { handle } }
    }`;
    // Counted through a fragment, as clients often ask.
    const PAGED = `${paged('...Counted')}
    fragment Counted on ProductSearchConnection { totalCount productFilters { id values { label count input } } }`;
    const NODES = paged('');
    const cases = [
      { query: 'built', filters: FILTERS },
      { query: 'built -wool', filters: [{ availableForSale: true }, { price: { min: '20', max: '80' } }] },
      { query: 'jakcet', filters: [] },
      { query: 'nothing-matches-this', filters: [] },
    ];
    for (const { query, filters } of cases) {
      const apart = (
        await ok<{ search: Record<string, unknown> }>(
          t,
          PAGED,
          { query, filters, first: 5, sortKey: 'PRICE' },
          storefront,
        )
      ).search;
      let after: string | null = null;
      for (let i = 0; i < 3; i += 1) {
        const vars = { query, filters, first: 4, after };
        const res = await t.graphql(PAGED, vars, storefront);
        expect(res.body.errors).toBeUndefined();
        expect(Number(res.headers.get('x-sql-statements'))).toBe(readFraming(kind) + 1);
        const both = (res.body.data as { search: Record<string, unknown> }).search;
        const nodesOnly = (await ok<{ search: Record<string, unknown> }>(t, NODES, vars, storefront)).search;
        expect({ pageInfo: both.pageInfo, nodes: both.nodes }).toEqual(nodesOnly);
        expect([both.totalCount, both.productFilters]).toEqual([apart.totalCount, apart.productFilters]);
        // Backwards from this page's end: the same rows as the page, read the other way.
        const pageInfo = both.pageInfo as { endCursor: string | null; hasNextPage: boolean };
        if (pageInfo.endCursor) {
          const back = { query, filters, last: 3, before: pageInfo.endCursor };
          const bothBack = (await ok<{ search: Record<string, unknown> }>(t, PAGED, back, storefront)).search;
          const nodesBack = (await ok<{ search: Record<string, unknown> }>(t, NODES, back, storefront)).search;
          expect({ pageInfo: bothBack.pageInfo, nodes: bothBack.nodes }).toEqual(nodesBack);
        }
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
    }
  });

  it('applies the same filters to products and to a collection products', async () => {
    const t = get();
    const query = `query($filters: [ProductFilter!]) {
      products(first: 250, filters: $filters) { totalCount nodes { handle } }
      collection(handle: "sale") { products(first: 250, filters: $filters) { totalCount nodes { handle } } }
    }`;
    const filters = FILTERS.filter((f) => !('tag' in f));
    const data = await ok(t, query, { filters }, storefront);
    const expected = DEMO.filter((p) => visible(p) && byVendor(p) && bySize(p))
      .map((p) => p.product.handle)
      .sort();
    expect(data.products.nodes.map((n: { handle: string }) => n.handle).sort()).toEqual(expected);
    expect(data.products.totalCount).toBe(expected.length);
    const inSale = DEMO.filter((p) => visible(p) && byVendor(p) && bySize(p) && byTag(p))
      .map((p) => p.product.handle)
      .sort();
    expect(data.collection.products.nodes.map((n: { handle: string }) => n.handle).sort()).toEqual(inSale);
    expect(data.collection.products.totalCount).toBe(inSale.length);
  });
});
