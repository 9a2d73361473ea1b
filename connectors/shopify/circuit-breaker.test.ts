import { GatewayError } from '../../src/sdk';
import { FakeClock } from '../../test/fake-shopify/clock';
import { startShopifyHarness, type ShopifyHarness } from '../../test/fake-shopify/harness';
import { BreakerRegistry, CircuitBreaker, defaultBreakerOptions } from './circuit-breaker';

const SHOP_QUERY = '{ shop { name } }';
const options = { ...defaultBreakerOptions, failureThreshold: 2, coolDownMs: 10_000 };
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: GatewayError) => e.code,
  );

describe('circuit breaker with the admin client', () => {
  let h: ShopifyHarness;
  afterEach(async () => {
    await h?.close();
  });

  test('opens after N failures and fails fast, half-opens after the cool-down, closes on success', async () => {
    h = await startShopifyHarness();
    const breaker = new CircuitBreaker(h.clock, options);
    const client = h.client({ breaker, retry: { maxRetries: 0 } });
    h.fake.failNext(2, { kind: 'status', status: 503 });

    expect(await codeOf(client.query(SHOP_QUERY))).toBe('UPSTREAM_UNAVAILABLE');
    expect(breaker.state).toBe('closed');
    expect(await codeOf(client.query(SHOP_QUERY))).toBe('UPSTREAM_UNAVAILABLE');
    expect(breaker.state).toBe('open');

    const fast = await client.query(SHOP_QUERY).catch((e: GatewayError) => e);
    expect(fast).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      extensions: { reason: 'circuit_open', retryAfterMs: 10_000 },
    });
    expect(h.fake.requests).toHaveLength(2); // the fast failure never reached Shopify

    h.clock.advance(10_000);
    expect(breaker.state).toBe('half-open');
    expect(await codeOf(client.query(SHOP_QUERY))).toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(h.fake.requests).toHaveLength(3);
  });

  test('a failed half-open probe opens the circuit again for a full cool-down', async () => {
    h = await startShopifyHarness();
    const breaker = new CircuitBreaker(h.clock, options);
    const client = h.client({ breaker, retry: { maxRetries: 0 } });
    h.fake.failNext(3, { kind: 'status', status: 500 });
    await codeOf(client.query(SHOP_QUERY));
    await codeOf(client.query(SHOP_QUERY));
    h.clock.advance(10_000);
    expect(await codeOf(client.query(SHOP_QUERY))).toBe('UPSTREAM_UNAVAILABLE'); // the probe
    expect(breaker.state).toBe('open');
    expect(await codeOf(client.query(SHOP_QUERY))).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.fake.requests).toHaveLength(3);
  });

  test('breakers are per shop: one shop down leaves another untouched', async () => {
    h = await startShopifyHarness();
    const registry = new BreakerRegistry(h.clock, options);
    const acme = h.client({ breaker: registry.forShop('acme.myshopify.com'), retry: { maxRetries: 0 } });
    const beta = h.client({ breaker: registry.forShop('beta.myshopify.com') }, { shop: 'beta.myshopify.com' });
    h.fake.failNext(2, { kind: 'status', status: 502 });
    await codeOf(acme.query(SHOP_QUERY));
    await codeOf(acme.query(SHOP_QUERY));
    expect(registry.forShop('acme.myshopify.com').state).toBe('open');
    expect(await codeOf(beta.query(SHOP_QUERY))).toBe('ok');
    expect(h.fake.requests.map((r) => r.shop)).toEqual([
      'acme.myshopify.com',
      'acme.myshopify.com',
      'beta.myshopify.com',
    ]);
  });
});

describe('circuit breaker rules', () => {
  const unavailable = () => Promise.reject(new GatewayError('UPSTREAM_UNAVAILABLE', 'down'));

  test('throttling and query errors do not count as the shop being down', async () => {
    const breaker = new CircuitBreaker(new FakeClock(), options);
    for (let i = 0; i < 5; i++) {
      await breaker.run(() => Promise.reject(new GatewayError('UPSTREAM_THROTTLED', 'slow down'))).catch(() => {});
    }
    expect(breaker.state).toBe('closed');
  });

  test('failures must be consecutive: a success resets the count', async () => {
    const breaker = new CircuitBreaker(new FakeClock(), options);
    await breaker.run(unavailable).catch(() => {});
    await breaker.run(async () => 'ok');
    await breaker.run(unavailable).catch(() => {});
    expect(breaker.state).toBe('closed');
  });

  test('half-open lets exactly one probe through; others fail fast meanwhile', async () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker(clock, options);
    await breaker.run(unavailable).catch(() => {});
    await breaker.run(unavailable).catch(() => {});
    clock.advance(10_000);
    let finishProbe!: () => void;
    const probe = breaker.run(() => new Promise<string>((r) => (finishProbe = () => r('ok'))));
    const calls = jest.fn(async () => 'ok');
    await expect(breaker.run(calls)).rejects.toMatchObject({ extensions: { reason: 'circuit_open' } });
    expect(calls).not.toHaveBeenCalled();
    finishProbe();
    await expect(probe).resolves.toBe('ok');
    await expect(breaker.run(calls)).resolves.toBe('ok');
  });
});
