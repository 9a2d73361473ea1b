import { documentIdOf } from '../../src/documents';
import type { GatewayStatus } from '../../src/sdk';
import { REVIEWS_SDL } from '../../examples/subgraphs/reviews/server';
import { describeEachKind } from '../kit/databases';
import type { TestGateway } from '../kit/gateway';
import { freePort } from '../kit/ports';
import { publicRead } from '../../src/sdk/graphql';
import { startFederated } from './federation-kit';

/** A document alpha's storefront registered: it uses the service's `rating`. */
const TRUSTED = `query Rated { products(first: 2) { nodes { title rating } } }`;
const LINKED = `{ products(first: 2) { nodes { id reviewsUrl } } }`;

const RATING = '  rating: Float\n';
const WITH_URL = REVIEWS_SDL.replace(
  RATING,
  `${RATING}  "Where shoppers read every review."\n  reviewsUrl: String!\n  "Not in the manifest's rules."\n  internalNote: String\n`,
);
const WITHOUT_RATING = WITH_URL.replace(/ *"Average rating[^\n]*\n {2}rating: Float\n/, '');
const urlResolvers = { Product: { reviewsUrl: (p: { id: string }) => `https://reviews.example/${p.id}` } };

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 150 && !done(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describeEachKind('a remote service whose schema changes while the gateway serves', (kind) => {
  let t: TestGateway;
  let started: Awaited<ReturnType<typeof startFederated>>;
  beforeAll(async () => {
    started = await startFederated(kind, {
      port: await freePort(),
      env: { REMOTE_RETRY_MS: '100', REMOTE_SDL_POLL_MS: '100' },
      documents: { alpha: [TRUSTED] },
      // The manifest allows the field before the service deploys it; a field without a rule stays denied.
      permissions: { Product: { reviewsUrl: publicRead('read_products') } },
    });
    t = started.t;
  });
  afterAll(() => started?.close());

  const serveSdl = async (sdl: string) => {
    await started.reviews.close();
    started.reviews = await started.restartReviews(sdl, urlResolvers);
  };
  const reviewsState = async () => {
    const status = (await (await fetch(`${t.adminUrl}/readyz`)).json()) as GatewayStatus;
    return status.plugins.find((p) => p.name === 'reviews')!;
  };
  const linked = () =>
    t.graphql<{ products: { nodes: { id: string; reviewsUrl: string }[] } }>(LINKED, {}, t.storefront('alpha'));
  const servedSdl = async () =>
    (await fetch(`${t.url}/graphql/schema.graphql`, { headers: await t.admin('alpha') })).text();

  it('serves a field the service adds, without a restart', async () => {
    expect((await linked()).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await serveSdl(WITH_URL);
    const res = await until(linked, (r) => r.body.errors === undefined);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.products.nodes;
    expect(nodes).toHaveLength(2);
    for (const p of nodes) expect(p.reviewsUrl).toBe(`https://reviews.example/${p.id}`);
    expect(await servedSdl()).toMatch(/reviewsUrl: String\s/);
    // Deny by default holds for fields a service adds later.
    const note = await t.graphql(`{ products(first: 1) { nodes { internalNote } } }`, {}, t.storefront('alpha'));
    expect(note.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await reviewsState()).toMatchObject({ state: 'active', reason: null });
  });

  it('refuses a change that removes a field a registered document uses: reported, the previous graph answers', async () => {
    await serveSdl(WITHOUT_RATING);
    const state = await until(reviewsState, (s) => s.reason !== null);
    expect(state).toMatchObject({
      state: 'active',
      reason: expect.stringMatching(
        /^schema change refused, the previous schema is served: 1 registered document would fail \(Cannot query field "rating" on type "Product"/,
      ),
    });
    const status = await t.graphql<{ gatewayStatus: { plugins: { name: string; state: string; reason: string }[] } }>(
      `{ gatewayStatus { plugins { name state reason } } }`,
      {},
      await t.admin('alpha'),
    );
    expect(status.body.data!.gatewayStatus.plugins).toContainEqual({
      name: 'reviews',
      state: 'ACTIVE',
      reason: state.reason,
    });
    // The registered document still validates and runs: its local fields answer; the service, which no
    // longer has `rating`, fails that field alone.
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.storefront('alpha') },
      body: JSON.stringify({ documentId: documentIdOf(TRUSTED) }),
    });
    const body = (await res.json()) as {
      data: { products: { nodes: { title: string; rating: number | null }[] } };
      errors?: { path: unknown[]; extensions: { code: string } }[];
    };
    expect(body.data.products.nodes).toHaveLength(2);
    expect(body.data.products.nodes.every((p) => typeof p.title === 'string' && p.rating === null)).toBe(true);
    expect(new Set(body.errors?.map((e) => e.extensions.code))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
    expect(await servedSdl()).toMatch(/\brating: Float\s/);
    // The fields the refused schema kept still answer.
    expect((await linked()).body.errors).toBeUndefined();
  });

  it('clears the report once the service serves an acceptable schema again', async () => {
    await serveSdl(WITH_URL);
    expect(await until(reviewsState, (s) => s.reason === null)).toMatchObject({ state: 'active', reason: null });
    const res = await t.graphql(TRUSTED, {}, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
  });
});
