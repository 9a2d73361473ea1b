import { describeEachKind } from '../kit/databases';
import { readFraming, stampTenant } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { startFederated } from './federation-kit';

type Started = Awaited<ReturnType<typeof startFederated>>;
interface Listed {
  products: { nodes: { id: string; title: string; status: string; availableForSale: boolean }[] };
}
interface Reviewed {
  latestReviews: { rating: number; product: Record<string, unknown> | null }[];
}

const LIST = `{ products(first: 50) { nodes { id title status availableForSale } } }`;
const reviewsWith = (product: string, first: number) =>
  `{ latestReviews(first: ${first}) { rating product { ${product} } } }`;

describeEachKind('entities a service returns: completed by the gateway, with the fields it provides', (kind) => {
  let started: Started;
  let t: TestGateway;
  let storefront: Auth;
  let active: Listed['products']['nodes'];
  let draft: Listed['products']['nodes'][number];
  beforeAll(async () => {
    started = await startFederated(kind);
    t = started.t;
    storefront = t.storefront('alpha');
    const all = (await t.graphql<Listed>(LIST, {}, await t.admin('alpha'))).body.data!.products.nodes;
    active = all.filter((p) => p.status === 'ACTIVE');
    draft = all.find((p) => p.status === 'DRAFT')!;
    expect(draft).toBeDefined();
    const store = started.reviews.store;
    for (const [i, product] of active.slice(0, 4).entries()) {
      store.add('alpha', { productId: product.id, rating: 1 + i, body: 'ok', author: 'storefront' });
      // The feed says the opposite of the shop: an answer that shows the value came from the service.
      store.reportAvailability('alpha', product.id, !product.availableForSale);
    }
  }, 180_000); // a gateway, two services and a seeded catalog: slow on a busy machine
  afterAll(() => started?.close());

  /** The reviews' products as the caller reads them, and the SQL statements of the request. */
  const read = async (product: string, auth = storefront, first = 20) => {
    await stampTenant(t, 'alpha');
    const res = await t.graphql<Reviewed>(reviewsWith(product, first), {}, auth);
    expect(res.body.errors).toBeUndefined();
    return {
      reviews: res.body.data!.latestReviews,
      statements: Number(res.headers.get('x-sql-statements')),
      sent: started.reviews.received.at(-1)!.query,
    };
  };

  it('completes each product with our fields, in one statement for all the reviews of a level', async () => {
    const { reviews, statements, sent } = await read('id title');
    expect(reviews).toHaveLength(4);
    const byRating = new Map(reviews.map((r) => [r.rating, r.product]));
    for (const [i, product] of active.slice(0, 4).entries())
      expect(byRating.get(1 + i)).toEqual({ id: product.id, title: product.title });
    // The service is asked for the reference only: our fields are not its.
    expect(sent).toMatch(/product \{\s+__typename\s+_gatewayReferenceId: id\s+\}/);
    expect(sent).not.toMatch(/title/);
    // One statement for the products of all the reviews, whatever their number.
    expect(statements).toBe(readFraming(kind) + 1);
    expect((await read('id title', storefront, 1)).statements).toBe(statements);
    expect((await read('__typename')).statements).toBe(statements);
  });

  it('reads a provided field from the service, without its local lookup', async () => {
    const base = await read('id');
    const provided = await read('id available: availableForSale');
    expect(provided.sent).toMatch(/available: availableForSale/);
    // availableForSale reads the variants locally: provided, it costs no statement.
    expect(provided.statements).toBe(base.statements);
    for (const [i, product] of active.slice(0, 4).entries()) {
      const review = provided.reviews.find((r) => r.rating === 1 + i)!;
      expect(review.product).toEqual({ id: product.id, available: !product.availableForSale });
    }
    // The same product reached through our own field keeps our value.
    const own = await t.graphql<{ product: { availableForSale: boolean } }>(
      `query($id: ID!) { product(id: $id) { availableForSale } }`,
      { id: active[0].id },
      storefront,
    );
    expect(own.body.data!.product.availableForSale).toBe(active[0].availableForSale);
  });

  it('resolves locally the fields the service does not provide', async () => {
    const base = await read('id');
    const local = await read('availableForSale variants(first: 1) { nodes { id } }');
    expect(local.sent).not.toMatch(/variants/);
    // One more statement: the variants of every product of the level at once.
    expect(local.statements).toBe(base.statements + 1);
    expect(local.reviews.every((r) => (r.product!.variants as { nodes: unknown[] }).nodes.length === 1)).toBe(true);
  });

  it("completes the references below the service's fields on our products, with one call per level", async () => {
    const query = `{ products(first: 4) { nodes { id reviews(first: 2) { nodes { product { id title } } } } } }`;
    const before = started.reviews.received.length;
    const res = await t.graphql<{
      products: { nodes: { id: string; reviews: { nodes: { product: { id: string; title: string } }[] } }[] };
    }>(query, {}, storefront);
    expect(res.body.errors).toBeUndefined();
    expect(started.reviews.received.length - before).toBe(1);
    const nodes = res.body.data!.products.nodes;
    expect(nodes.filter((p) => p.reviews.nodes.length > 0).length).toBeGreaterThan(0);
    for (const p of nodes) for (const r of p.reviews.nodes) expect(r.product.id).toBe(p.id);
  });

  it("reads a product the caller may not see, or another tenant's, as null (as node(id:) does)", async () => {
    const beta = (await t.graphql<Listed>(LIST, {}, await t.admin('beta'))).body.data!.products.nodes[0];
    const store = started.reviews.store;
    store.add('alpha', { productId: draft.id, rating: 5, body: 'draft', author: 'storefront' });
    store.add('alpha', { productId: beta.id, rating: 5, body: 'beta', author: 'storefront' });
    store.add('alpha', { productId: 'not-an-id', rating: 5, body: 'bad', author: 'storefront' });
    store.reportAvailability('alpha', beta.id, true);

    const asStorefront = await read('id title availableForSale');
    const [bad, other, hidden] = asStorefront.reviews;
    expect([bad.product, other.product, hidden.product]).toEqual([null, null, null]);
    const node = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: draft.id }, storefront);
    expect(node.body.data).toEqual({ node: null });

    // Staff see the draft; another tenant's product stays absent for them too.
    const staff = await read('id title', await t.admin('alpha'));
    expect(staff.reviews[2].product).toEqual({ id: draft.id, title: draft.title });
    expect(staff.reviews[1].product).toBeNull();
    expect(staff.reviews.map((r) => r.product?.id)).not.toContain(beta.id);
  });
});
