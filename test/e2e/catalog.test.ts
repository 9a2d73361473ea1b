import { seedPlugins } from '../../src/engine/seed';
import { describeEachDatabase, readFraming, stampTenant } from '../kit/each-database';

const PRODUCTS = `query($first: Int, $after: String) {
  products(first: $first, after: $after) {
    nodes { id title variants(first: 10) { nodes { title price { amount currencyCode } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describeEachDatabase('catalog over HTTP', {}, (get) => {
  beforeAll(async () => {
    const t = get();
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
  });

  it('pages through products with variants in the tenant currency', async () => {
    const t = get();
    const first = await t.graphql<{
      products: {
        nodes: { variants: { nodes: { price: { currencyCode: string } }[] } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(PRODUCTS, { first: 3 }, t.storefront('beta'));
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data!.products;
    expect(page.nodes).toHaveLength(3);
    expect(page.nodes.every((p) => p.variants.nodes.length >= 1)).toBe(true);
    expect(page.nodes[0].variants.nodes[0].price.currencyCode).toBe('EUR');
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await t.graphql<{ products: { nodes: { id: string }[] } }>(
      PRODUCTS,
      { first: 3, after: page.pageInfo.endCursor },
      t.storefront('beta'),
    );
    const firstIds = page.nodes.map((n) => (n as unknown as { id: string }).id);
    expect(second.body.data!.products.nodes.map((n) => n.id).some((id) => firstIds.includes(id))).toBe(false);
  });

  it('answers 401 UNAUTHENTICATED without credentials', async () => {
    const res = await get().graphql(PRODUCTS, {});
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it("never shows one tenant's product to another", async () => {
    const t = get();
    const alpha = await t.graphql<{ products: { nodes: { id: string }[] } }>(
      PRODUCTS,
      { first: 1 },
      t.storefront('alpha'),
    );
    const id = alpha.body.data!.products.nodes[0].id;
    const asBeta = await t.graphql<{ node: unknown; product: unknown }>(
      'query($id: ID!) { node(id: $id) { id } product(id: $id) { id } }',
      { id },
      t.storefront('beta'),
    );
    expect(asBeta.body.data).toEqual({ node: null, product: null });
  });
});

describeEachDatabase('catalog SQL statements', {}, (get, kind) => {
  beforeAll(async () => {
    const t = get();
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
  });

  it('does not grow with the page size (one statement per list level)', async () => {
    const t = get();
    const query = `query($first: Int) { products(first: $first) { nodes { title variants(first: 3) { nodes { price { amount } product { handle } } } } } }`;
    await stampTenant(t, 'alpha');
    const counts: number[] = [];
    for (const first of [2, 50]) {
      const res = await t.graphql(query, { first }, t.storefront('alpha'));
      expect(res.body.errors).toBeUndefined();
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    // the framing, then products + variants (variant.product comes from the primed page)
    const statements = readFraming(kind) + 2;
    expect(counts).toEqual([statements, statements]);
  });
});
