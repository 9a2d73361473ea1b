import { hour, seedStore } from '../../test/fake-shopify/fixtures';
import { startShopifyHarness, type ShopifyHarness } from '../../test/fake-shopify/harness';
import { updatedSince } from './incremental';
import type { IncrementalResource } from './incremental-queries';

let h: ShopifyHarness;
afterEach(async () => {
  await h?.close();
});

async function collect(records: AsyncIterable<Record<string, unknown>>) {
  const all: Record<string, unknown>[] = [];
  for await (const r of records) all.push(r);
  return all;
}

describe('incremental sync by updated_at', () => {
  test('pages through products updated after the mark, following the cursor', async () => {
    h = await startShopifyHarness();
    seedStore(h.fake.store, { products: 5 });
    const records = await collect(updatedSince(h.client(), 'products', { updatedAfter: hour(2), pageSize: 2 }));
    expect(records.map((r) => r.title)).toEqual(['Product 3', 'Product 4', 'Product 5']);
    const pages = h.fake.requests.map((r) => r.variables);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ first: 2, after: null, query: "updated_at:>'2026-01-01T02:00:00.000Z'" });
    expect(pages[1].after).toEqual(expect.any(String));
  });

  test('pages are cost-paced', async () => {
    h = await startShopifyHarness({ bucket: { max: 100, restoreRate: 10 }, cost: () => 60 });
    seedStore(h.fake.store, { products: 4 });
    await collect(updatedSince(h.client(), 'products', { updatedAfter: hour(0), pageSize: 2 }));
    expect(h.fake.requests.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    expect(h.clock.sleeps).toEqual([2000]); // 40 left after page 1; page 2 needs 60 at 10/s
  });

  test.each<[IncrementalResource, number]>([
    ['productVariants', 4], // products 2 and 3, two variants each
    ['customers', 2],
    ['orders', 1],
    ['inventoryItems', 4], // 2 products x 2 variants updated at hours 2 and 3
  ])(
    '%s: the query is valid, within the cost limit at its default page size, and filtered',
    async (resource, expected) => {
      h = await startShopifyHarness();
      seedStore(h.fake.store, { products: 3, customers: 3, orders: 2 });
      const records = await collect(updatedSince(h.client(), resource, { updatedAfter: hour(1) }));
      expect(records).toHaveLength(expected);
      expect(records.every((r) => typeof r.id === 'string' && (r.updatedAt as string) > hour(1))).toBe(true);
    },
  );

  test('a malformed mark is refused before anything is sent', async () => {
    h = await startShopifyHarness();
    await expect(
      collect(updatedSince(h.client(), 'products', { updatedAfter: "x' OR title:*" })),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(h.fake.requests).toHaveLength(0);
  });
});
