import type { BucketSpec, BucketStore } from '../../src/limits/bucket-store';
import { MemoryBucketStore } from '../../src/limits/memory-bucket-store';
import { RateLimiter } from '../../src/limits/rate-limiter';
import { RedisBucketStore } from '../../src/limits/redis-bucket-store';
import { DEFAULT_LIMITS } from '../../src/config/tenant-schema';
import type { Principal, Tenant } from '../../src/sdk';
import { startTestGateway, type TestGateway } from '../kit/gateway';
import { dropRedisKeys, testRedisPrefix } from '../kit/redis-prefix';
import { describeUnless } from '../kit/skip';
import { GUESTBOOK, codeOf, send, tenantsWith } from './harness';

const REDIS_URL = process.env.REDIS_URL;
/** A key prefix of this run only, removed afterwards. */
const PREFIX = testRedisPrefix();

afterAll(async () => {
  if (REDIS_URL) await dropRedisKeys(REDIS_URL, PREFIX);
});

/** Each store, and why it cannot be tested here (Redis without REDIS_URL). */
const REDIS_MISSING = REDIS_URL ? undefined : 'REDIS_URL is not set';
const stores: [string, () => BucketStore, string | undefined][] = [
  ['memory', () => new MemoryBucketStore(), undefined],
  ['redis', () => new RedisBucketStore(REDIS_URL!, `${PREFIX}unit:`), REDIS_MISSING],
];

for (const [name, create, missing] of stores)
  describeUnless(missing)(`${name} bucket store`, () => {
    let store: BucketStore;
    let n = 0;
    const bucket = (size: number, restorePerSecond = 1): BucketSpec => ({
      key: `bucket-${n++}`,
      size,
      restorePerSecond,
    });
    beforeAll(() => (store = create()));
    afterAll(() => store.close());

    it('takes points while the bucket holds them, then refuses with the seconds to wait', async () => {
      const spec = bucket(100, 2);
      expect(await store.take([spec], 60)).toMatchObject({ allowed: true, levels: [{ available: 40 }] });
      const refused = await store.take([spec], 60);
      expect(refused.allowed).toBe(false);
      // 20 points missing at 2 per second.
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(9);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(10);
      expect(refused.levels[0].available).toBe(40);
    });

    it('takes from every bucket or from none', async () => {
      const wide = bucket(100);
      const narrow = bucket(10);
      await store.take([narrow], 8);
      const refused = await store.take([wide, narrow], 5);
      expect(refused.allowed).toBe(false);
      expect(refused.levels.map((l) => l.available)).toEqual([100, 2]);
      const after = await store.take([wide, narrow], 2);
      expect(after.allowed).toBe(true);
      expect(after.levels.map((l) => l.available)).toEqual([98, 0]);
    });

    it('restores points over time up to the size', async () => {
      const spec = bucket(50, 1000);
      await store.take([spec], 50);
      await new Promise((r) => setTimeout(r, 100));
      const later = await store.take([spec], 0);
      expect(later.levels[0].available).toBeGreaterThan(0);
      expect(later.levels[0].available).toBeLessThanOrEqual(50);
    });
  });

describe('rate limiter', () => {
  const tenant = (id: string, size: number): Tenant => ({
    id,
    name: id,
    currency: 'USD',
    locale: 'en-US',
    plugins: new Set(),
    settings: {},
    cors: { origins: [] },
    limits: { ...DEFAULT_LIMITS, rateBucketSize: size, rateRestorePerSecond: 0.1 },
  });
  const principal = (subject: string): Principal => ({ kind: 'admin', subject, roles: ['admin'], scopes: [] });

  it('limits each credential to its share while the tenant bucket caps them all', async () => {
    const limiter = new RateLimiter(new MemoryBucketStore(), 0.5);
    const shop = tenant('shop', 100);
    expect((await limiter.take(shop, principal('a'), 40)).allowed).toBe(true);
    expect((await limiter.take(shop, principal('a'), 40)).allowed).toBe(false);
    expect((await limiter.take(shop, principal('b'), 40)).allowed).toBe(true);
    const third = await limiter.take(shop, principal('c'), 40);
    expect(third.allowed).toBe(false);
    expect(third.throttleStatus).toMatchObject({ maximumAvailable: 100, restoreRate: 0.1 });
    expect((await limiter.take(tenant('other', 100), principal('a'), 40)).allowed).toBe(true);
  });
});

const PAGE = '{ guestbook(first: 10) { edges { node { id inReplyTo { id } } } } }'; // cost 22

function startShop(env: Record<string, string>, database?: TestGateway['database']) {
  return startTestGateway({
    kind: 'pglite',
    plugins: ['core', GUESTBOOK],
    tenantsDir: tenantsWith(['guestbook'], { alpha: 'limits: { rateBucketSize: 50, rateRestorePerSecond: 0.1 }' }),
    env,
    database,
  });
}

describe('over budget over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startShop(REDIS_URL ? { REDIS_URL, REDIS_KEY_PREFIX: `${PREFIX}http:` } : {});
  });
  afterAll(() => t.close());

  it('answers 429 THROTTLED with Retry-After, while another tenant continues', async () => {
    const alpha = t.storefront('alpha');
    expect((await t.graphql(PAGE, undefined, alpha)).status).toBe(200);
    expect((await t.graphql(PAGE, undefined, alpha)).status).toBe(200);
    const throttled = await t.graphql(PAGE, undefined, alpha);
    expect({ status: throttled.status, code: codeOf(throttled) }).toEqual({ status: 429, code: 'THROTTLED' });
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled.body.extensions?.cost).toMatchObject({
      requestedQueryCost: 22,
      actualQueryCost: 0,
      throttleStatus: { maximumAvailable: 50, restoreRate: 0.1 },
    });
    expect(throttled.body.data).toBeUndefined();

    const beta = await t.graphql(PAGE, undefined, t.storefront('beta'));
    expect(beta.status).toBe(200);
    expect(beta.body.errors).toBeUndefined();
    expect((await send(`${t.url}/healthz`)).status).toBe(200);
  });

  it('refuses a spent caller at the edge, before parsing', async () => {
    const alpha = t.storefront('alpha');
    // Each refused or free request still pays one point; spend what is left.
    for (let i = 0; i < 10; i++) await t.graphql('{ __typename }', undefined, alpha);
    const res = await t.graphql('{ this is not graphql', undefined, alpha);
    expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 429, code: 'THROTTLED' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describeUnless(REDIS_MISSING)('one budget across instances (Redis)', () => {
  let first: TestGateway;
  let second: TestGateway;
  beforeAll(async () => {
    const env = { REDIS_URL: REDIS_URL!, REDIS_KEY_PREFIX: `${PREFIX}shared:` };
    first = await startShop(env);
    second = await startShop(env, first.database);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('throttles on one instance what was spent on the other', async () => {
    const alpha = first.storefront('alpha');
    expect((await first.graphql(PAGE, undefined, alpha)).status).toBe(200);
    expect((await first.graphql(PAGE, undefined, alpha)).status).toBe(200);
    const elsewhere = await second.graphql(PAGE, undefined, alpha);
    expect({ status: elsewhere.status, code: codeOf(elsewhere) }).toEqual({ status: 429, code: 'THROTTLED' });
  });
});
