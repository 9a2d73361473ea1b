import { seedPlugins } from '../../src/engine/seed';
import { startTestGateway, type TestGateway } from '../kit/gateway';
import { freePort } from '../kit/ports';

const LISTING = `{ products(first: 3) { nodes { id title } } }`;
const RENAME = `mutation Rename($input: ProductUpdateInput!) {
  productUpdate(input: $input) { product { title } userErrors { code } }
}`;

describe('storefront response cache while Redis is down', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // Nothing listens on a free port: Redis is down.
    const REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
    t = await startTestGateway({ kind: 'pglite', env: { REDIS_URL, STOREFRONT_CACHE_TTL_MS: '60000' } });
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
  });
  afterAll(() => t?.close());

  it('answers reads and writes from the database, never an error, and counts the failures', async () => {
    const first = await t.graphql<{ products: { nodes: { id: string }[] } }>(LISTING, {}, t.storefront('alpha'));
    expect([first.status, first.body.errors]).toEqual([200, undefined]);
    const again = await t.graphql(LISTING, {}, t.storefront('alpha'));
    expect([again.status, again.headers.get('x-cache')]).toEqual([200, null]);
    expect(Number(again.headers.get('x-sql-statements'))).toBeGreaterThan(0);

    const id = first.body.data!.products.nodes[0].id;
    const renamed = await t.graphql(RENAME, { input: { id, title: 'Renamed offline' } }, await t.admin('alpha'));
    expect([renamed.status, renamed.body.errors]).toEqual([200, undefined]);

    const metrics = await (await fetch(`${t.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/gateway_response_cache_errors_total\{operation="write"\} [1-9]/);
  });
});
