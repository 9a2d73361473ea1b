import { describeEachKind } from '../kit/databases';
import type { TestGateway } from '../kit/gateway';
import { startFederated } from './federation-kit';

const COLLECTIONS = `{ collections(first: 5) { nodes { id handle banner { headline } } } }`;

interface Collections {
  collections: { nodes: { id: string; handle: string; banner: { headline: string } | null }[] };
}

describeEachKind('a plain GraphQL service (content) federated into the graph', (kind) => {
  let t: TestGateway;
  let started: Awaited<ReturnType<typeof startFederated>>;
  beforeAll(async () => {
    started = await startFederated(kind);
    t = started.t;
  });
  afterAll(() => started?.close());

  it('reads its schema by introspection and serves its root fields', async () => {
    started.content.store.pages.set('alpha', [{ handle: 'about', title: 'About us', body: 'Since 1999' }]);
    const res = await t.graphql(`{ pages { handle title } page(handle: "about") { body } }`, {}, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ pages: [{ handle: 'about', title: 'About us' }], page: { body: 'Since 1999' } });
    const beta = await t.graphql(`{ pages { handle } }`, {}, t.storefront('beta'));
    expect(beta.body.data).toEqual({ pages: [] });
  });

  it("adds Collection.banner through the service's batched root field: one call per level", async () => {
    const first = await t.graphql<Collections>(COLLECTIONS, {}, t.storefront('alpha'));
    const nodes = first.body.data!.collections.nodes;
    expect(nodes.length).toBeGreaterThan(1);
    started.content.store.setBanner('alpha', nodes[0].id, { headline: 'Summer sale', imageUrl: null });

    const before = started.content.received.length;
    const res = await t.graphql<Collections>(COLLECTIONS, {}, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(started.content.received.length - before).toBe(1);
    expect(started.content.received.at(-1)!.claims).toMatchObject({ tenant: 'alpha', aud: 'content' });
    const banners = res.body.data!.collections.nodes.map((c) => c.banner);
    expect(banners[0]).toEqual({ headline: 'Summer sale' });
    expect(banners.slice(1).every((b) => b === null)).toBe(true);

    const beta = await t.graphql<Collections>(COLLECTIONS, {}, t.storefront('beta'));
    expect(beta.body.data!.collections.nodes.every((c) => c.banner === null)).toBe(true);
  });

  it('answers one query spanning the catalog, the reviews subgraph and the content service', async () => {
    const query = `{ products(first: 2) { nodes { title rating } } collections(first: 1) { nodes { banner { headline } } } pages { title } }`;
    const res = await t.graphql(query, {}, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({
      products: { nodes: [{ rating: null }, { rating: null }] },
      collections: { nodes: [{ banner: { headline: 'Summer sale' } }] },
      pages: [{ title: 'About us' }],
    });
  });
});
