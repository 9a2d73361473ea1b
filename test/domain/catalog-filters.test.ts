import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { catalogSuite, errorCodes, ok, seedDemo } from './catalog-kit';

const SEARCH = `query($query: String, $filter: ProductFilter) {
  products(first: 250, query: $query, filter: $filter) {
    totalCount
    nodes {
      handle title vendor productType tags availableForSale status
      variants(first: 5) { nodes { price { amount } } }
    }
  }
}`;

interface Found {
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  tags: string[];
  availableForSale: boolean;
  status: string;
  variants: { nodes: { price: { amount: string } }[] };
}

async function search(t: TestGateway, vars: Record<string, unknown>, auth: Auth) {
  const data = await ok<{ products: { totalCount: number; nodes: Found[] } }>(t, SEARCH, vars, auth);
  expect(data.products.totalCount).toBe(data.products.nodes.length);
  return data.products.nodes;
}

/** How many storefront-visible products of alpha satisfy a SQL condition (the oracle). */
async function visibleCount(t: TestGateway, condition: string): Promise<number> {
  const { rows } = await t.gateway.runtime.withTenant('alpha', (db) =>
    sql<{ n: string }>`select count(*) as n from products p
      where status = 'ACTIVE' and published_at <= now() and ${sql.raw(condition)}`.execute(db),
  );
  return Number(rows[0].n);
}

describeEachDatabase('catalog filters', catalogSuite(), (get) => {
  let storefront: Auth;
  beforeAll(async () => {
    const t = get();
    await seedDemo(t);
    storefront = t.storefront('alpha');
    const create = `mutation($input: ProductCreateInput!) { productCreate(input: $input) { userErrors { code } } }`;
    for (const title of ['100% Wool_Socks', 'Backslash \\ Scarf']) {
      const res = await ok(t, create, { input: { title, status: 'ACTIVE' } }, await t.admin('alpha'));
      expect(res.productCreate.userErrors).toEqual([]);
    }
  });

  it('matches query text in title, description, vendor and tags, case-insensitively', async () => {
    const t = get();
    const jackets = await search(t, { query: 'JACKET' }, storefront);
    expect(jackets.length).toBe(await visibleCount(t, `(title ilike '%jacket%' or description ilike '%jacket%')`));
    expect(jackets.length).toBeGreaterThan(0);
    const vendor = await search(t, { query: 'northwind' }, storefront);
    expect(vendor.length).toBe(await visibleCount(t, `vendor = 'Northwind'`));
    const tagged = await search(t, { query: 'sale' }, storefront);
    expect(tagged.every((p) => p.tags.includes('sale'))).toBe(true);
    expect(tagged.length).toBe(await visibleCount(t, `'sale' = any(tags)`));
  });

  it('treats LIKE wildcards and backslashes in the query literally', async () => {
    const t = get();
    expect((await search(t, { query: '%' }, storefront)).map((p) => p.title)).toEqual(['100% Wool_Socks']);
    expect((await search(t, { query: '_' }, storefront)).map((p) => p.title)).toEqual(['100% Wool_Socks']);
    expect((await search(t, { query: '0% w' }, storefront)).map((p) => p.title)).toEqual(['100% Wool_Socks']);
    expect((await search(t, { query: '\\' }, storefront)).map((p) => p.title)).toEqual(['Backslash \\ Scarf']);
  });

  it('filters by product type, vendor and tag', async () => {
    const t = get();
    const mugs = await search(t, { filter: { productType: 'Mug' } }, storefront);
    expect(mugs.length).toBe(await visibleCount(t, `product_type = 'Mug'`));
    expect(mugs.every((p) => p.productType === 'Mug')).toBe(true);
    const fjord = await search(t, { filter: { vendor: 'Fjord' } }, storefront);
    expect(fjord.length).toBe(await visibleCount(t, `vendor = 'Fjord'`));
    expect(fjord.every((p) => p.vendor === 'Fjord')).toBe(true);
    const outdoor = await search(t, { filter: { tag: 'outdoor', vendor: 'Fjord' } }, storefront);
    expect(outdoor.length).toBe(await visibleCount(t, `vendor = 'Fjord' and 'outdoor' = any(tags)`));
    expect(await search(t, { filter: { tag: 'OUTDOOR' } }, storefront)).toEqual([]);
  });

  it('filters by a variant price range, inclusive', async () => {
    const t = get();
    const found = await search(t, { filter: { price: { min: '100.00', max: '120' } } }, storefront);
    expect(found.length).toBe(
      await visibleCount(
        t,
        `exists (select 1 from product_variants v where v.product_id = p.id and v.price between 100 and 120)`,
      ),
    );
    for (const p of found) {
      expect(p.variants.nodes.some((v) => Number(v.price.amount) >= 100 && Number(v.price.amount) <= 120)).toBe(true);
    }
    const cheap = await search(t, { filter: { price: { max: '10' } } }, storefront);
    expect(cheap.every((p) => p.variants.nodes.some((v) => Number(v.price.amount) <= 10))).toBe(true);
  });

  it('filters by collection, and rejects an id of another type', async () => {
    const t = get();
    const tents = await ok(
      t,
      `{ collection(handle: "tents") { id products(first: 100) { totalCount } } }`,
      {},
      storefront,
    );
    const found = await search(t, { filter: { collectionId: tents.collection.id } }, storefront);
    expect(found.length).toBe(tents.collection.products.totalCount);
    expect(found.every((p) => p.productType === 'Tent')).toBe(true);
    const productId = (await ok(t, `{ products(first: 1) { nodes { id } } }`, {}, storefront)).products.nodes[0].id;
    expect(await errorCodes(t, SEARCH, { filter: { collectionId: productId } }, storefront)).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('filters by availability for sale, from inventory', async () => {
    const t = get();
    const admin = await t.admin('alpha');
    const target = (await search(t, { query: 'Alpine Tent 1' }, storefront))[0];
    expect(target.availableForSale).toBe(true);
    const detail = await ok(
      t,
      `query($h: String) { product(handle: $h) { variants(first: 10) { nodes { id inventoryLevels { location { id } } } } } }`,
      { h: target.handle },
      admin,
    );
    for (const variant of detail.product.variants.nodes) {
      for (const level of variant.inventoryLevels) {
        const set = await ok(
          t,
          `mutation($input: InventorySetInput!) { inventorySet(input: $input) { userErrors { code } } }`,
          { input: { variantId: variant.id, locationId: level.location.id, quantity: 0, reason: 'correction' } },
          admin,
        );
        expect(set.inventorySet.userErrors).toEqual([]);
      }
    }
    const unavailable = await search(t, { filter: { availableForSale: false } }, storefront);
    expect(unavailable.map((p) => p.handle)).toContain(target.handle);
    expect(unavailable.every((p) => !p.availableForSale)).toBe(true);
    const available = await search(t, { filter: { availableForSale: true } }, storefront);
    expect(available.map((p) => p.handle)).not.toContain(target.handle);
    expect(available.length + unavailable.length).toBe(await visibleCount(t, 'true'));
  });

  it('filters by status for admins; the storefront never sees drafts whatever it asks', async () => {
    const t = get();
    const admin = await t.admin('alpha', { scopes: ['read_products', 'read_inventory'] });
    const drafts = await search(t, { filter: { status: 'DRAFT' } }, admin);
    expect(drafts.length).toBe(8);
    expect(drafts.every((p) => p.status === 'DRAFT')).toBe(true);
    expect(await search(t, { filter: { status: 'DRAFT' } }, storefront)).toEqual([]);
  });

  it('rejects a NUL byte or an overlong query as BAD_USER_INPUT', async () => {
    const t = get();
    expect(await errorCodes(t, SEARCH, { query: 'a\u0000b' }, storefront)).toEqual(['BAD_USER_INPUT']);
    expect(await errorCodes(t, SEARCH, { query: 'x'.repeat(256) }, storefront)).toEqual(['BAD_USER_INPUT']);
    expect(await errorCodes(t, SEARCH, { filter: { vendor: '\u0000' } }, storefront)).toEqual(['BAD_USER_INPUT']);
    expect(await errorCodes(t, SEARCH, { filter: { price: { min: 'cheap' } } }, storefront)).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
