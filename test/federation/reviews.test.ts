import { decodeJwt } from 'jose';
import { describeEachKind } from '../kit/databases';
import type { TestGateway } from '../kit/gateway';
import { startFederated } from './federation-kit';
import { RATED_LISTING } from '../../bench/scenarios';

const PAGE = `query($first: Int) { products(first: $first) { nodes { id title rating reviews(first: 2) { totalCount nodes { rating body } } } } }`;
const CREATE = `mutation($input: ReviewCreateInput!) { reviewCreate(input: $input) { review { id rating } userErrors { field code message } } }`;

interface Page {
  products: {
    nodes: {
      id: string;
      title: string;
      rating: number | null;
      reviews: { totalCount: number; nodes: { rating: number }[] };
    }[];
  };
}

describeEachKind('reviews service federated into the graph', (kind) => {
  let t: TestGateway;
  let started: Awaited<ReturnType<typeof startFederated>>;
  let reviews: Awaited<ReturnType<typeof startFederated>>['reviews'];
  beforeAll(async () => {
    started = await startFederated(kind);
    ({ t, reviews } = started);
  });
  afterAll(() => started?.close());

  it('composes the service: its fields are in the served schema and the plugin is active', async () => {
    const sdl = await (await fetch(`${t.url}/graphql/schema.graphql`, { headers: await t.admin('alpha') })).text();
    expect(t.gateway.composition.states.find((s) => s.name === 'reviews')).toMatchObject({
      state: 'active',
      reason: null,
    });
    expect(sdl).toMatch(/rating: Float/);
    expect(sdl).toMatch(/reviewCreate\(input: ReviewCreateInput!\): ReviewCreatePayload\s/);
    expect(sdl).toMatch(/reviews\(first: Int = 10\): ReviewConnection\s/);
    expect(sdl).not.toMatch(/_entities|_Any|@key/);
    expect(t.gateway.composition.states.find((s) => s.name === 'reviews')).toMatchObject({ state: 'active' });
  });

  it('serves its public keys at /.well-known/jwks.json', async () => {
    const res = await fetch(`${t.url}/.well-known/jwks.json`);
    const body = (await res.json()) as { keys: { kty: string; alg: string; d?: string }[] };
    expect(body.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256' })]);
    expect(body.keys[0].d).toBeUndefined();
  });

  it('creates a review through the root mutation and reads it back on the product', async () => {
    const admin = await t.admin('alpha');
    const first = await t.graphql<Page>(PAGE, { first: 3 }, t.storefront('alpha'));
    const product = first.body.data!.products.nodes[0];
    for (const rating of [4, 5]) {
      const res = await t.graphql(CREATE, { input: { productId: product.id, rating, body: 'Nice' } }, admin);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toMatchObject({ reviewCreate: { review: { rating }, userErrors: [] } });
    }
    const bad = await t.graphql(CREATE, { input: { productId: product.id, rating: 9, body: 'x' } }, admin);
    expect(bad.body.data).toMatchObject({
      reviewCreate: { review: null, userErrors: [{ field: ['input', 'rating'] }] },
    });

    const after = await t.graphql<Page>(PAGE, { first: 3 }, t.storefront('alpha'));
    expect(after.body.errors).toBeUndefined();
    const read = after.body.data!.products.nodes[0];
    expect(read).toMatchObject({ id: product.id, rating: 4.5, reviews: { totalCount: 2 } });
    expect(read.reviews.nodes.map((r) => r.rating).sort()).toEqual([4, 5]);
    expect(after.body.data!.products.nodes[1]).toMatchObject({ rating: null, reviews: { totalCount: 0, nodes: [] } });
  });

  it('calls the service once per query level, whatever the page size and however many of its fields', async () => {
    for (const first of [2, 30]) {
      const before = reviews.received.length;
      const res = await t.graphql<Page>(PAGE, { first }, t.storefront('alpha'));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.products.nodes).toHaveLength(first);
      expect(reviews.received.length - before).toBe(1);
      expect(reviews.received.at(-1)!.query).toMatch(/_entities/);
    }
  });

  it("the benchmark's rated listing of 50 products makes one HTTP call to the subgraph", async () => {
    const before = reviews.received.length;
    const res = await t.graphql<{ products: { nodes: { id: string; rating: number | null }[] } }>(
      RATED_LISTING,
      { first: 50 },
      t.storefront('alpha'),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.products.nodes).toHaveLength(50);
    expect(res.body.data!.products.nodes[0].rating).toBe(4.5);
    expect(reviews.received.length - before).toBe(1);
    expect(reviews.received.at(-1)!.variables._gatewayRepresentations).toHaveLength(50);
  });

  it('sends the fields of ours a service field requires in its representations, in one call per level', async () => {
    // The query selects neither title nor priceRange: the gateway reads them for the service.
    const query = `{ products(first: 20) { nodes { id reviewSummary shippingEstimate } } }`;
    const before = reviews.received.length;
    const res = await t.graphql<{
      products: { nodes: { id: string; reviewSummary: string; shippingEstimate: string }[] };
    }>(query, {}, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(reviews.received.length - before).toBe(1);
    const call = reviews.received.at(-1)!;
    const representations = call.variables._gatewayRepresentations as Record<string, unknown>[];
    expect(representations).toHaveLength(20);

    const local = await t.graphql<{
      products: { nodes: { id: string; title: string; priceRange: { minVariantPrice: { amount: string } } }[] };
    }>(
      `{ products(first: 20) { nodes { id title priceRange { minVariantPrice { amount currencyCode } } } } }`,
      {},
      t.storefront('alpha'),
    );
    const nodes = local.body.data!.products.nodes;
    expect(representations).toEqual(
      nodes.map((p) => ({ __typename: 'Product', id: p.id, title: p.title, priceRange: p.priceRange })),
    );
    const answered = res.body.data!.products.nodes;
    expect(answered[0].reviewSummary).toBe(`${nodes[0].title}: 2 reviews`);
    expect(answered[1].reviewSummary).toBe(`${nodes[1].title}: 0 reviews`);
    for (const [i, p] of answered.entries()) {
      const [units, cents = '0'] = nodes[i].priceRange.minVariantPrice.amount.split('.');
      const free = Number(units) * 100 + Number(cents.padEnd(2, '0')) >= 5000;
      expect(p.shippingEstimate).toMatch(free ? /^Free shipping$/ : /^Free shipping from 50\.00 [A-Z]{3}$/);
    }
    expect(new Set(answered.map((p) => p.shippingEstimate)).size).toBe(2);
  });

  it('keeps aliases and fragments of the caller', async () => {
    const query = `{ products(first: 1) { nodes { score: rating ...R } } } fragment R on Product { two: reviews(first: 2) { n: totalCount } }`;
    const res = await t.graphql(query, {}, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ products: { nodes: [{ score: 4.5, two: { n: 2 } }] } });
  });

  it("signs each call for the caller's tenant: tenant A's token never reaches a call made for tenant B", async () => {
    const calls = reviews.received.length;
    await Promise.all(
      ['alpha', 'beta', 'alpha', 'beta'].map((tenant) =>
        t.graphql(PAGE, { first: 2 }, t.storefront(tenant)).then((res) => expect(res.body.errors).toBeUndefined()),
      ),
    );
    const mine = reviews.received.slice(calls);
    expect(mine).toHaveLength(4);
    expect(mine.map((c) => c.claims?.tenant).sort()).toEqual(['alpha', 'alpha', 'beta', 'beta']);
    for (const call of mine) {
      // The token the service verified is the one it received, minted for this call's tenant only.
      expect(decodeJwt(call.authorization!.replace('Bearer ', ''))).toMatchObject({
        tenant: call.claims!.tenant,
        aud: 'reviews',
        iss: 'retail-gateway',
        principal_kind: 'storefront',
      });
      expect(call.claims!.exp! - call.claims!.iat!).toBeLessThanOrEqual(60);
      expect(call.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    }
    // The caller's own credentials never reach the service.
    expect(mine.some((c) => JSON.stringify(c).includes(t.storefront('alpha')['x-storefront-token']))).toBe(false);
    // Beta sees none of alpha's reviews.
    const beta = await t.graphql<Page>(PAGE, { first: 3 }, t.storefront('beta'));
    expect(beta.body.data!.products.nodes.every((p) => p.reviews.totalCount === 0)).toBe(true);
  });

  it('denies what the manifest does not allow: a storefront may not create a review', async () => {
    const res = await t.graphql(CREATE, { input: { productId: 'x', rating: 3, body: 'x' } }, t.storefront('alpha'));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
