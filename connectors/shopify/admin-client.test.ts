import { GatewayError } from '../../src/sdk';
import { startShopifyHarness, TEST_TOKEN, type ShopifyHarness } from '../../test/fake-shopify/harness';

const SHOP_QUERY = '{ shop { name myshopifyDomain } }';
let h: ShopifyHarness;

afterEach(async () => {
  await h?.close();
});

async function failure(p: Promise<unknown>): Promise<GatewayError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GatewayError);
  const g = err as GatewayError;
  // No failure may ever carry the access token.
  expect(g.message).not.toContain(TEST_TOKEN);
  expect(JSON.stringify(g.extensions)).not.toContain(TEST_TOKEN);
  return g;
}

const outcomes = () => h.fake.requests.map((r) => r.outcome);

describe('admin client against the fake Shopify (real @shopify/shopify-api over HTTP)', () => {
  test('a successful query returns data, sent to the pinned version with the access token', async () => {
    h = await startShopifyHarness();
    const data = await h.client().query<{ shop: { name: string } }>(SHOP_QUERY);
    expect(data.shop.name).toBe('Acme');
    expect(h.fake.requests).toEqual([
      expect.objectContaining({ path: '/admin/api/2025-07/graphql.json', shop: 'acme.myshopify.com', outcome: 'ok' }),
    ]);
  });

  test('pacing waits for the bucket to refill before sending, computed from throttleStatus', async () => {
    h = await startShopifyHarness({ bucket: { max: 100, restoreRate: 10 }, cost: () => 40 });
    const client = h.client();
    await client.query(SHOP_QUERY); // 100 -> 60
    await client.query(SHOP_QUERY); // 60 -> 20
    await client.query(SHOP_QUERY); // needs 40: waits (40 - 20) / 10 s
    expect(h.clock.sleeps).toEqual([2000]);
    expect(outcomes()).toEqual(['ok', 'ok', 'ok']);
  });

  test('a THROTTLED answer (HTTP 200) waits the computed time, is retried, and succeeds', async () => {
    h = await startShopifyHarness({ bucket: { max: 100, restoreRate: 10 }, cost: () => 50 });
    h.fake.bucket.set(20);
    const data = await h.client().query<{ shop: { name: string } }>(SHOP_QUERY);
    expect(data.shop.name).toBe('Acme');
    expect(outcomes()).toEqual(['throttled', 'ok']);
    expect(h.clock.sleeps).toEqual([3000]); // (50 - 20) points at 10/s
  });

  test('THROTTLED answers that persist end in UPSTREAM_THROTTLED after the bounded retries', async () => {
    h = await startShopifyHarness({ bucket: { max: 100, restoreRate: 0 }, cost: () => 50 });
    h.fake.bucket.set(0);
    const err = await failure(h.client({ pacing: { maxThrottleRetries: 2 } }).query(SHOP_QUERY));
    expect(err.code).toBe('UPSTREAM_THROTTLED');
    expect(outcomes()).toEqual(['throttled', 'throttled', 'throttled']);
  });

  test('HTTP 429 with Retry-After: 2 waits 2000 ms (seconds, not milliseconds), then succeeds', async () => {
    h = await startShopifyHarness();
    h.fake.failNext(1, { kind: 'status', status: 429, retryAfter: '2' });
    await h.client().query(SHOP_QUERY);
    expect(h.clock.sleeps).toEqual([2000]);
    expect(outcomes()).toEqual(['fault', 'ok']);
  });

  test('a Retry-After beyond the limit is not waited out: UPSTREAM_THROTTLED at once', async () => {
    h = await startShopifyHarness();
    h.fake.failNext(1, { kind: 'status', status: 429, retryAfter: '3600' });
    const err = await failure(h.client().query(SHOP_QUERY));
    expect(err.code).toBe('UPSTREAM_THROTTLED');
    expect(h.clock.sleeps).toEqual([]);
    expect(h.fake.requests).toHaveLength(1);
  });

  test('5xx answers are retried with exponential backoff, then succeed', async () => {
    h = await startShopifyHarness();
    h.fake.failNext(2, { kind: 'status', status: 503 });
    await h.client({ retry: { baseDelayMs: 100 } }).query(SHOP_QUERY);
    expect(h.clock.sleeps).toEqual([100, 200]);
    expect(outcomes()).toEqual(['fault', 'fault', 'ok']);
  });

  test('retries are bounded: after maxRetries the call fails with UPSTREAM_UNAVAILABLE', async () => {
    h = await startShopifyHarness();
    h.fake.failNext(10, { kind: 'status', status: 500 });
    const err = await failure(h.client({ retry: { maxRetries: 3, baseDelayMs: 100 } }).query(SHOP_QUERY));
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(err.extensions).toMatchObject({ upstreamStatus: 500 });
    expect(h.fake.requests).toHaveLength(4);
    expect(h.clock.sleeps).toEqual([100, 200, 400]);
  });

  test('a dropped connection is retried', async () => {
    h = await startShopifyHarness();
    h.fake.failNext(1, { kind: 'reset' });
    await h.client().query(SHOP_QUERY);
    expect(outcomes()).toEqual(['fault', 'ok']);
    expect(h.clock.sleeps).toHaveLength(1);
  });

  test('a slow answer times out and is retried', async () => {
    h = await startShopifyHarness();
    h.fake.failNext(1, { kind: 'delay', ms: 3000 });
    const data = await h.client({}, { timeoutMs: 150 }).query<{ shop: { name: string } }>(SHOP_QUERY);
    expect(data.shop.name).toBe('Acme');
    expect(h.clock.sleeps).toHaveLength(1);
  });

  test('4xx other than 429 is never retried', async () => {
    h = await startShopifyHarness();
    h.fake.failNext(1, { kind: 'status', status: 400 });
    const err = await failure(h.client().query(SHOP_QUERY));
    expect(err.code).toBe('INTERNAL_SERVER_ERROR');
    expect(h.fake.requests).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
  });

  test('a wrong access token is UPSTREAM_UNAVAILABLE, not retried, and the token never shows', async () => {
    h = await startShopifyHarness();
    const err = await failure(h.client({}, { accessToken: 'shpat_wrong_token' }).query(SHOP_QUERY));
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(err.extensions).toMatchObject({ upstreamStatus: 401 });
    expect(err.message).not.toContain('shpat_wrong_token');
    expect(outcomes()).toEqual(['unauthorized']);
  });

  test('a GraphQL error in the answer is a coded error, not retried', async () => {
    h = await startShopifyHarness();
    const err = await failure(h.client().query('{ shop { noSuchField } }'));
    expect(err.code).toBe('INTERNAL_SERVER_ERROR');
    expect(h.fake.requests).toHaveLength(1);
  });
});
