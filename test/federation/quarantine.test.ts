import type { GatewayStatus } from '../../src/sdk';
import { describeEachKind } from '../kit/databases';
import type { TestGateway } from '../kit/gateway';
import { freePort } from '../kit/ports';
import { startFederated } from './federation-kit';

const RATED = `{ products(first: 2) { nodes { title rating } } }`;

describeEachKind('a remote service unreachable at start-up', (kind) => {
  let t: TestGateway;
  let started: Awaited<ReturnType<typeof startFederated>>;
  beforeAll(async () => {
    started = await startFederated(kind, {
      port: await freePort(),
      serviceDown: true,
      env: { REMOTE_RETRY_MS: '100' },
    });
    t = started.t;
  });
  afterAll(() => started?.close());

  const reviewsState = async () => {
    const status = (await (await fetch(`${t.adminUrl}/readyz`)).json()) as GatewayStatus;
    return status.plugins.find((p) => p.name === 'reviews');
  };

  it('is quarantined with its reason while the rest of the graph serves', async () => {
    expect(await reviewsState()).toMatchObject({ state: 'quarantined', reason: expect.stringMatching(/unreachable/) });
    const res = await t.graphql(RATED, {}, t.storefront('alpha'));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const plain = await t.graphql(`{ products(first: 2) { nodes { title } } }`, {}, t.storefront('alpha'));
    expect(plain.body.errors).toBeUndefined();
    const status = await t.graphql<{ gatewayStatus: { plugins: { name: string; state: string }[] } }>(
      `{ gatewayStatus { plugins { name state } } }`,
      {},
      await t.admin('alpha'),
    );
    expect(status.body.data!.gatewayStatus.plugins).toContainEqual({ name: 'reviews', state: 'QUARANTINED' });
  });

  it('joins the graph without a restart once the service answers', async () => {
    started.reviews = await started.restartReviews();
    for (let i = 0; i < 100 && (await reviewsState())?.state !== 'active'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await reviewsState()).toMatchObject({ state: 'active', reason: null });
    const res = await t.graphql(RATED, {}, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({ products: { nodes: [{ rating: null }, { rating: null }] } });
    const sdl = await (await fetch(`${t.url}/graphql/schema.graphql`, { headers: await t.admin('alpha') })).text();
    expect(sdl).toMatch(/rating: Float/);
  });
});
