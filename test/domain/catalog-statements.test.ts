import { describeEachDatabase, readFraming, stampTenant } from '../kit/each-database';
import { catalogSuite, seedDemo } from './catalog-kit';

const PAGE = `query($first: Int) {
  products(first: $first) {
    nodes {
      title
      priceRange { minVariantPrice { amount currencyCode } }
      variants(first: 5) {
        nodes {
          price { amount }
          compareAtPrice { amount }
          quantityAvailable
          availableForSale
          inventoryLevels { available location { name } }
        }
      }
    }
  }
}`;

describeEachDatabase('catalog SQL statements per request', catalogSuite(), (get, kind) => {
  const framing = readFraming(kind);
  beforeAll(() => seedDemo(get()));
  beforeEach(() => stampTenant(get(), 'alpha'));

  it('runs the same statements for 2 products as for 50, one per list level', async () => {
    const t = get();
    const auth = await t.admin('alpha');
    const counts: number[] = [];
    for (const first of [2, 50]) {
      const res = await t.graphql<{ products: { nodes: { variants: { nodes: unknown[] } }[] } }>(PAGE, { first }, auth);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.products.nodes).toHaveLength(first);
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    // the framing, then products + variants + inventory levels + locations
    expect(counts).toEqual([framing + 4, framing + 4]);
  });

  it('batches collections, options and images of a page in one statement each', async () => {
    const t = get();
    const query = `query($first: Int) { products(first: $first) { nodes {
      options { name values } images(first: 2) { nodes { url } } featuredImage { url }
      collections(first: 5) { nodes { handle } } } } }`;
    const counts: number[] = [];
    for (const first of [3, 40]) {
      const res = await t.graphql(query, { first }, t.storefront('alpha'));
      expect(res.body.errors).toBeUndefined();
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    // the framing, then products + options + images + collections
    expect(counts).toEqual([framing + 4, framing + 4]);
  });

  it('runs one statement per level for collections with their products and counts', async () => {
    const t = get();
    const query = `query($first: Int) { collections(first: $first) { nodes { handle
      products(first: 3, sortKey: PRICE) { totalCount nodes { title variants(first: 2) { nodes { price { amount } } } } } } } }`;
    const counts: number[] = [];
    for (const first of [2, 11]) {
      const res = await t.graphql<{ collections: { nodes: { products: { totalCount: number; nodes: unknown[] } }[] } }>(
        query,
        { first },
        t.storefront('alpha'),
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.collections.nodes).toHaveLength(first);
      expect(res.body.data!.collections.nodes.every((c) => c.products.nodes.length === 3)).toBe(true);
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    // the framing, then collections + products + product counts + variants
    expect(counts).toEqual([framing + 4, framing + 4]);
  });
});
