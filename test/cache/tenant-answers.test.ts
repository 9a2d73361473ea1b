import { sql } from 'kysely';
import { seedPlugins } from '../../src/engine/seed';
import { describeEachDatabase } from '../kit/each-database';
import { redisAnswers } from '../kit/redis-probe';
import { skippedTitle } from '../kit/skip';

/**
 * The storefront response cache, in memory and in Redis, answers the same query text for two tenants:
 * each gets its own tenant's answer, cached or not, in turn or concurrently; a write refreshes the
 * writer's answers only, while the other tenant's stay cached (served with no SQL statement).
 */
const LISTING = `query Listing { products(first: 4) { nodes { id title } } }`;
const RENAME = `mutation Rename($input: ProductUpdateInput!) { productUpdate(input: $input) { userErrors { code } } }`;
const TENANTS = ['alpha', 'beta'] as const;
type TenantId = (typeof TENANTS)[number];
type Listing = { products: { nodes: { id: string; title: string }[] } };

const redisUrl = process.env.REDIS_URL;
const stores: [string, Record<string, string>, string | null][] = [
  ['memory', { REDIS_URL: '' }, null],
  [
    'redis',
    { REDIS_URL: redisUrl ?? '' },
    !redisUrl ? 'REDIS_URL is not set' : redisAnswers(redisUrl) ? null : `Redis at ${redisUrl} does not answer`,
  ],
];

describe.each(stores)('storefront cache answers each tenant its own [%s store]', (store, env, missing) => {
  if (missing) {
    it.skip(skippedTitle(`needs the ${store} store`, missing), () => undefined);
    return;
  }
  const options = { env: { STOREFRONT_CACHE_TTL_MS: '600000', ...env } };
  describeEachDatabase(`the ${store} store`, options, (get) => {
    beforeAll(async () => {
      const { runtime, composition } = get().gateway;
      await seedPlugins(runtime, composition.plugins, 'demo');
      // The demo catalogs are alike: each title now names its tenant (read past row-level security).
      await sql`update products set title = tenant_id || ': ' || title`.execute(runtime.db);
    });

    const read = (tenant: TenantId) => get().graphql<Listing>(LISTING, {}, get().storefront(tenant));
    const titles = (res: Awaited<ReturnType<typeof read>>) => res.body.data?.products.nodes.map((n) => n.title);
    const expectOwn = (tenant: TenantId, res: Awaited<ReturnType<typeof read>>) => {
      expect({ tenant, titles: titles(res) }).toEqual({
        tenant,
        titles: [1, 2, 3, 4].map(() => expect.stringMatching(new RegExp(`^${tenant}: `))),
      });
    };
    const cached = (res: Awaited<ReturnType<typeof read>>) => [
      res.headers.get('x-cache'),
      res.headers.get('x-sql-statements'),
    ];

    it('answers the same query text with the asking tenant’s data, cold and cached, concurrently', async () => {
      const turns = Array.from({ length: 12 }, (_, k) => TENANTS[k % 2]);
      const cold = await Promise.all(turns.map(read));
      turns.forEach((tenant, k) => expectOwn(tenant, cold[k]));
      const warm = await Promise.all(turns.map(read));
      turns.forEach((tenant, k) => {
        expect(cached(warm[k])).toEqual(['hit', '0']);
        expect(warm[k].body.data).toEqual(cold[tenant === 'alpha' ? 0 : 1].body.data);
      });
      expect(cold[0].body.data).not.toEqual(cold[1].body.data);
    });

    it.each(TENANTS)("a write of %s refreshes its own answer and leaves the other tenant's cached", async (writer) => {
      const other = TENANTS.find((t) => t !== writer)!;
      await Promise.all(TENANTS.map(read));
      const before = { [writer]: await read(writer), [other]: await read(other) };
      expect([cached(before[writer]), cached(before[other])]).toEqual([
        ['hit', '0'],
        ['hit', '0'],
      ]);
      const target = before[writer].body.data!.products.nodes[0];
      const title = `${writer}: renamed by its admin`;
      const renamed = await get().graphql(RENAME, { input: { id: target.id, title } }, await get().admin(writer));
      expect(renamed.body).toMatchObject({ data: { productUpdate: { userErrors: [] } } });

      const fresh = await read(writer);
      expect(fresh.headers.get('x-cache')).toBe('miss');
      expect(titles(fresh)?.[0]).toBe(title);
      expectOwn(writer, fresh);
      const untouched = await read(other);
      expect(cached(untouched)).toEqual(['hit', '0']);
      expect(untouched.body.data).toEqual(before[other].body.data);
      // The writer's fresh answer is cached in its turn.
      const again = await read(writer);
      expect(cached(again)).toEqual(['hit', '0']);
      expect(again.body.data).toEqual(fresh.body.data);
    });
  });
});
