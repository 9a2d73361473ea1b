import { sql } from 'kysely';
import { seedPlugins } from '../../src/engine/seed';
import { describeEachDatabase } from '../kit/each-database';

const LISTING = `query Listing($first: Int) { products(first: $first) { nodes { id title } } }`;
const RENAME = `mutation Rename($input: ProductUpdateInput!) {
  productUpdate(input: $input) { product { title } userErrors { code } }
}`;

type Listing = { products: { nodes: { id: string; title: string }[] } };

describeEachDatabase('storefront response cache', { env: { STOREFRONT_CACHE_TTL_MS: '60000' } }, (get) => {
  beforeAll(async () => {
    const t = get();
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
  });

  const list = (tenant: string, first = 3) => get().graphql<Listing>(LISTING, { first }, get().storefront(tenant));

  it('serves a repeated storefront read from the cache with no SQL statement', async () => {
    const first = await list('alpha', 4);
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(Number(first.headers.get('x-sql-statements'))).toBeGreaterThan(0);
    const again = await list('alpha', 4);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(again.headers.get('x-sql-statements')).toBe('0');
    expect(again.body.data).toEqual(first.body.data);
    // Cost and throttle status are still reported on a cached answer.
    expect(again.body.extensions?.cost).toBeDefined();
  });

  it('keys by variables: another page size is its own entry', async () => {
    await list('alpha', 2);
    const other = await list('alpha', 5);
    expect(other.body.data!.products.nodes).toHaveLength(5);
  });

  it('a mutation invalidates the tenant, and the next read shows the write', async () => {
    const before = await list('alpha');
    await list('alpha');
    const target = before.body.data!.products.nodes[0];
    const renamed = await get().graphql<{ productUpdate: { userErrors: unknown[] } }>(
      RENAME,
      { input: { id: target.id, title: 'Renamed while cached' } },
      await get().admin('alpha'),
    );
    expect(renamed.body.data!.productUpdate.userErrors).toEqual([]);
    const after = await list('alpha');
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(after.body.data!.products.nodes[0].title).toBe('Renamed while cached');
  });

  it('a write outside GraphQL (a job or webhook through runtime.withTenant) invalidates too', async () => {
    const t = get();
    const before = await list('alpha');
    const id = Buffer.from(before.body.data!.products.nodes[1].id, 'base64url').toString().split('/').pop()!;
    await t.gateway.runtime.withTenant('alpha', (db) =>
      sql`update products set title = 'Synced title' where id = ${id}`.execute(db),
    );
    const after = await list('alpha');
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(after.body.data!.products.nodes[1].title).toBe('Synced title');
  });

  it("another tenant's write leaves a tenant's cached answers alone", async () => {
    await list('beta');
    const betaBefore = await list('beta');
    expect(betaBefore.headers.get('x-cache')).toBe('hit');
    const alphaId = (await list('alpha')).body.data!.products.nodes[0].id;
    await get().graphql(RENAME, { input: { id: alphaId, title: 'Alpha only' } }, await get().admin('alpha'));
    const betaAfter = await list('beta');
    expect(betaAfter.headers.get('x-cache')).toBe('hit');
    expect(betaAfter.body.data).toEqual(betaBefore.body.data);
    expect(betaAfter.body.data!.products.nodes.map((n) => n.title)).not.toContain('Alpha only');
  });

  it('never caches admin reads', async () => {
    const admin = await get().admin('alpha');
    await get().graphql(LISTING, { first: 3 }, admin);
    const again = await get().graphql(LISTING, { first: 3 }, admin);
    expect(again.headers.get('x-cache')).toBeNull();
    expect(Number(again.headers.get('x-sql-statements'))).toBeGreaterThan(0);
  });

  it('does not cache a query that also asks for a field outside the public catalog', async () => {
    const query = `{ products(first: 2) { nodes { id } } gatewayStatus { ready } }`;
    await get().graphql(query, {}, get().storefront('alpha'));
    const again = await get().graphql(query, {}, get().storefront('alpha'));
    expect(again.headers.get('x-cache')).toBeNull();
  });
});
