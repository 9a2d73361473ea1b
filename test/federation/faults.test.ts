import { describeEachKind } from '../kit/databases';
import type { TestGateway } from '../kit/gateway';
import { freePort } from '../kit/ports';
import { startFederated } from './federation-kit';

const PAGE = `{ products(first: 3) { nodes { title rating reviews(first: 1) { totalCount } } } }`;

interface Answer {
  data?: { products: { nodes: { title: string; rating: unknown; reviews: unknown }[] } } | null;
  errors?: { extensions?: Record<string, unknown>; path?: unknown[] }[];
}

const codes = (body: Answer) => [...new Set((body.errors ?? []).map((e) => e.extensions?.code))];

describeEachKind('a failing remote service nulls only its own fields', (kind) => {
  let t: TestGateway;
  let started: Awaited<ReturnType<typeof startFederated>>;
  let slow = false;
  beforeAll(async () => {
    started = await startFederated(kind, {
      port: await freePort(),
      env: { PLUGIN_TIMEOUTS: 'reviews=300', PLUGIN_CIRCUIT_FAILURES: '3', PLUGIN_CIRCUIT_COOLDOWN_MS: '200' },
      hold: () => (slow ? new Promise((resolve) => setTimeout(resolve, 1500)) : Promise.resolve()),
    });
    t = started.t;
  });
  afterAll(() => started?.close());

  const page = async () => (await t.graphql(PAGE, {}, t.storefront('alpha'))).body as Answer;

  it('answers TIMEOUT on its fields when the service is slow; the catalog fields stand', async () => {
    slow = true;
    try {
      const body = await page();
      expect(codes(body)).toEqual(['TIMEOUT']);
      expect(body.data!.products.nodes).toHaveLength(3);
      expect(body.data!.products.nodes.every((p) => p.title && p.rating === null && p.reviews === null)).toBe(true);
      expect(body.errors!.every((e) => ['rating', 'reviews'].includes(e.path!.at(-1) as string))).toBe(true);
    } finally {
      slow = false;
    }
  });

  it('killed mid-test: UPSTREAM_UNAVAILABLE on its fields only, then it rejoins when restarted', async () => {
    await waitFor(async () => codes(await page()).length === 0);
    await started.reviews.close();
    for (let i = 0; i < 5; i += 1) {
      const body = await page();
      expect(codes(body)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(body.data!.products.nodes.map((p) => p.title).every(Boolean)).toBe(true);
    }
    const metrics = await (await fetch(`${t.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/gateway_plugin_circuit_state\{plugin="reviews"\} 2/);
    expect(metrics).toMatch(
      /gateway_remote_call_duration_seconds_count\{connector="reviews",outcome="UPSTREAM_UNAVAILABLE"\} [1-9]/,
    );

    started.reviews = await started.restartReviews();
    await waitFor(async () => codes(await page()).length === 0);
    const body = await page();
    expect(body.data!.products.nodes[0]).toMatchObject({ reviews: { totalCount: 0 } });
  });
});

/** Polls until `check` holds (the circuit's cool-down passes): bounded by tries, not by a clock. */
async function waitFor(check: () => Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached');
}
