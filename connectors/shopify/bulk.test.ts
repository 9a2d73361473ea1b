import { GatewayError } from '../../src/sdk';
import { seedStore } from '../../test/fake-shopify/fixtures';
import { startShopifyHarness, type ShopifyHarness } from '../../test/fake-shopify/harness';
import { BulkQueryRunner } from './bulk';
import { BULK_QUERIES, PRODUCTS_BULK_QUERY } from './bulk-queries';
import type { Clock } from './clock';
import { inBatches, type BulkRecord } from './jsonl';

let h: ShopifyHarness;
afterEach(async () => {
  await h?.close();
});

async function collect(records: AsyncIterable<BulkRecord>): Promise<BulkRecord[]> {
  const all: BulkRecord[] = [];
  for await (const r of records) all.push(r);
  return all;
}

async function withHarness() {
  h = await startShopifyHarness();
  seedStore(h.fake.store, { products: 3, variantsPerProduct: 2, collections: 2 });
  return new BulkQueryRunner(h.client(), { clock: h.clock, pollIntervalMs: 1000 });
}

describe('bulk operations', () => {
  test('start -> poll with backoff -> JSONL streamed and parsed, parent ids preserved', async () => {
    const runner = await withHarness();
    h.fake.bulk.behaviour.completeAfterPolls = 3;
    const records = await collect(runner.run(PRODUCTS_BULK_QUERY));

    const products = records.filter((r) => r.id?.includes('/Product/'));
    const variants = records.filter((r) => r.id?.includes('/ProductVariant/'));
    const collections = records.filter((r) => r.id?.includes('/Collection/'));
    expect(products.map((p) => p.title)).toEqual(['Product 1', 'Product 2', 'Product 3']);
    expect(products.every((p) => p.__parentId === undefined && p.variants === undefined)).toBe(true);
    expect(variants).toHaveLength(6);
    expect(variants.filter((v) => v.__parentId === 'gid://shopify/Product/2').map((v) => v.sku)).toEqual([
      'SKU-201',
      'SKU-202',
    ]);
    expect(variants[0]).toMatchObject({ price: '10.00', inventoryItem: { id: 'gid://shopify/InventoryItem/101' } });
    expect(collections.map((c) => c.__parentId)).toEqual(products.map((p) => p.id));

    expect(h.fake.requests.map((r) => r.rootFields[0] ?? r.outcome)).toEqual([
      'bulkOperationRunQuery',
      'node',
      'node',
      'node',
      'download',
    ]);
    expect(h.clock.sleeps).toEqual([1000, 1500]); // poll interval grows
  });

  test('streams the result: records arrive before the download has finished', async () => {
    const runner = await withHarness();
    const release = h.fake.holdBulkDownload(2);
    const it = runner.run(PRODUCTS_BULK_QUERY)[Symbol.asyncIterator]();
    const within = <T>(p: Promise<T>) =>
      Promise.race([
        p,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('buffered: no record before the end')), 3000).unref(),
        ),
      ]);
    const first = await within(it.next());
    const second = await within(it.next());
    expect([first.value?.id, second.value?.__parentId]).toEqual(['gid://shopify/Product/1', 'gid://shopify/Product/1']);
    release();
    let rest = 0;
    for (let r = await it.next(); !r.done; r = await it.next()) rest++;
    expect(rest).toBe(3 + 6 + 3 - 2); // products + variants + collections, minus the two read
  });

  test('a FAILED bulk operation surfaces a coded error', async () => {
    const runner = await withHarness();
    h.fake.bulk.behaviour = { completeAfterPolls: 1, outcome: 'FAILED', errorCode: 'ACCESS_DENIED' };
    const err = await collect(runner.run(PRODUCTS_BULK_QUERY)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      extensions: { bulkStatus: 'FAILED', bulkErrorCode: 'ACCESS_DENIED' },
    });
    expect(h.fake.requests.some((r) => r.outcome === 'download')).toBe(false);
  });

  test('a second bulk query while one runs is refused with a coded error', async () => {
    const runner = await withHarness();
    await runner.start(PRODUCTS_BULK_QUERY);
    await expect(runner.start(PRODUCTS_BULK_QUERY)).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      extensions: { reason: 'bulk_rejected' },
    });
  });

  test('completion signalled by the bulk_operations/finish webhook ends the wait without more polling', async () => {
    h = await startShopifyHarness();
    seedStore(h.fake.store);
    h.fake.bulk.behaviour.completeAfterPolls = 1000;
    let asleep!: () => void;
    const sleeping = new Promise<void>((r) => (asleep = r));
    // A clock whose sleeps last "forever" unless woken: only the webhook can end this wait.
    const clock: Clock = {
      now: () => h.clock.now(),
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => (signal?.addEventListener('abort', () => resolve()), asleep())),
    };
    const runner = new BulkQueryRunner(h.client(), { clock, pollIntervalMs: 60_000 });
    const op = await runner.start(PRODUCTS_BULK_QUERY);
    const done = runner.waitUntilDone(op.id);
    await sleeping;
    h.fake.bulk.finish(op.id);
    runner.notifyFinished(op.id);
    await expect(done).resolves.toMatchObject({
      status: 'COMPLETED',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/bulk\/1\.jsonl$/),
    });
    expect(h.fake.requests.filter((r) => r.rootFields[0] === 'node')).toHaveLength(2);
  });

  test('every sync query is valid and nested connections come out as child lines', async () => {
    const runner = await withHarness();
    const parentsOf = async (query: string) => {
      const records = await collect(runner.run(query));
      return new Set(records.map((r) => r.__parentId?.replace(/\d+$/, '')));
    };
    expect(await parentsOf(BULK_QUERIES.products)).toEqual(new Set([undefined, 'gid://shopify/Product/']));
    expect(await parentsOf(BULK_QUERIES.inventory)).toEqual(new Set([undefined, 'gid://shopify/Location/']));
    expect(await parentsOf(BULK_QUERIES.orders)).toEqual(new Set([undefined, 'gid://shopify/Order/']));
    expect(await parentsOf(BULK_QUERIES.customers)).toEqual(new Set([undefined]));
  });

  test('records can be consumed in batches for upserts', async () => {
    const runner = await withHarness();
    const sizes: number[] = [];
    for await (const batch of inBatches(runner.run(PRODUCTS_BULK_QUERY), 5)) sizes.push(batch.length);
    expect(sizes).toEqual([5, 5, 2]); // 12 lines
  });
});
