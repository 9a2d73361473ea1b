import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { catalogSuite, ok, seedDemo } from './catalog-kit';

const COLLECTIONS = `query($first: Int, $after: String, $last: Int, $before: String, $sortKey: CollectionSortKeys, $reverse: Boolean, $query: String) {
  collections(first: $first, after: $after, last: $last, before: $before, sortKey: $sortKey, reverse: $reverse, query: $query) {
    totalCount nodes { id handle title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const CREATE = `mutation($input: CollectionCreateInput!) { collectionCreate(input: $input) {
  collection { id handle title publishedAt products(first: 10) { totalCount nodes { id } } } userErrors { field code } } }`;
const MEMBERS = (name: string) => `mutation($id: ID!, $ids: [ID!]!) { ${name}(id: $id, productIds: $ids) {
  collection { products(first: 50) { totalCount nodes { id } } } userErrors { field code } } }`;

const errors = (payload: { userErrors: { field: string[]; code: string }[] }) =>
  payload.userErrors.map((e) => ({ field: e.field.join('.'), code: e.code }));

describeEachDatabase('catalog collections', catalogSuite(), (get) => {
  let storefront: Auth;
  let admin: Auth;
  beforeAll(async () => {
    const t = get();
    await seedDemo(t);
    storefront = t.storefront('alpha');
    admin = await t.admin('alpha');
  });

  it('lists published collections to the storefront and all to admins, paging both ways', async () => {
    const t = get();
    const shop = await ok(t, COLLECTIONS, { first: 50, sortKey: 'TITLE' }, storefront);
    expect(shop.collections.totalCount).toBe(11);
    expect(shop.collections.nodes.map((c: { handle: string }) => c.handle)).not.toContain('staff-picks');
    const titles = shop.collections.nodes.map((c: { title: string }) => c.title);
    expect(titles).toEqual([...titles].sort());
    const all = await ok(t, COLLECTIONS, { first: 5 }, admin);
    expect(all.collections.totalCount).toBe(12);
    const next = await ok(t, COLLECTIONS, { first: 5, after: all.collections.pageInfo.endCursor }, admin);
    const back = await ok(t, COLLECTIONS, { last: 5, before: next.collections.pageInfo.startCursor }, admin);
    expect(back.collections.nodes).toEqual(all.collections.nodes);
    const reversed = await ok(t, COLLECTIONS, { first: 50, sortKey: 'TITLE', reverse: true }, storefront);
    expect(reversed.collections.nodes.map((c: { title: string }) => c.title)).toEqual([...titles].reverse());
    const search = await ok(t, COLLECTIONS, { first: 5, query: 'sal' }, storefront);
    expect(search.collections.nodes.map((c: { handle: string }) => c.handle)).toEqual(['sale']);
  });

  it('keeps its cursors: list, sort key and direction, the exact sort value, the id', async () => {
    const t = get();
    const values: [string, boolean, string][] = [
      ['ID', true, 'null'],
      ['TITLE', false, 'title'],
      ['UPDATED_AT', true, `to_json(updated_at) #>> '{}'`],
    ];
    for (const [sortKey, reverse, value] of values) {
      const { collections } = await ok(t, COLLECTIONS, { first: 2, sortKey, reverse }, admin);
      const id = localIdOf(collections.nodes[1].id, 'Collection');
      const { rows } = await t.gateway.runtime.withTenant('alpha', (db) =>
        sql<{ value: unknown }>`select ${sql.raw(value)} as value from collections where id = ${id}`.execute(db),
      );
      const name = `collection:${sortKey}${reverse ? ':reverse' : ''}`;
      const cursor = collections.pageInfo.endCursor as string;
      expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([name, rows[0].value, id]);
    }
  });

  it('finds a collection by handle or id, with its visible products as a connection', async () => {
    const t = get();
    const byHandle = await ok(
      t,
      `{ collectionByHandle(handle: "tents") { id title products(first: 3, sortKey: PRICE) {
      totalCount nodes { productType priceRange { minVariantPrice { amount } } } pageInfo { hasNextPage endCursor } } } }`,
      {},
      storefront,
    );
    const c = byHandle.collectionByHandle;
    expect(c.title).toBe('Tents');
    expect(c.products.nodes.every((p: { productType: string }) => p.productType === 'Tent')).toBe(true);
    const prices = c.products.nodes.map((p: { priceRange: { minVariantPrice: { amount: string } } }) =>
      Number(p.priceRange.minVariantPrice.amount),
    );
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const byId = await ok(
      t,
      `query($id: ID!) { collection(id: $id) { handle products(first: 50) { totalCount } } }`,
      { id: c.id },
      storefront,
    );
    expect(byId.collection).toEqual({ handle: 'tents', products: { totalCount: c.products.totalCount } });
    const hidden = await ok(t, `{ collection(handle: "staff-picks") { id } }`, {}, storefront);
    expect(hidden.collection).toBeNull();
    const asAdmin = await ok(t, `{ collection(handle: "staff-picks") { publishedAt } }`, {}, admin);
    expect(asAdmin.collection).toEqual({ publishedAt: null });
  });

  it('shows a product its published collections', async () => {
    const t = get();
    const data = await ok(
      t,
      `{ product(handle: "coastal-tent-1") { collections(first: 10) { nodes { handle } } } }`,
      {},
      storefront,
    );
    expect(data.product.collections.nodes.map((c: { handle: string }) => c.handle)).toEqual(['tents']);
    const admins = await ok(
      t,
      `{ product(handle: "coastal-tent-1") { collections(first: 10) { nodes { handle } } } }`,
      {},
      admin,
    );
    expect(admins.product.collections.nodes.map((c: { handle: string }) => c.handle).sort()).toEqual([
      'staff-picks',
      'tents',
    ]);
  });

  it('creates, updates, fills, empties and deletes a collection', async () => {
    const t = get();
    const products = (await ok(t, `{ products(first: 3) { nodes { id } } }`, {}, admin)).products.nodes.map(
      (p: { id: string }) => p.id,
    );
    const created = await ok(t, CREATE, { input: { title: 'Gift Ideas', productIds: products.slice(0, 2) } }, admin);
    expect(created.collectionCreate.userErrors).toEqual([]);
    const c = created.collectionCreate.collection;
    expect(c).toMatchObject({ handle: 'gift-ideas', publishedAt: null, products: { totalCount: 2 } });
    const invisible = await ok(t, `query($id: ID!) { collection(id: $id) { id } }`, { id: c.id }, storefront);
    expect(invisible.collection).toBeNull();

    const published = await ok(
      t,
      `mutation($input: CollectionUpdateInput!) { collectionUpdate(input: $input) {
      collection { title publishedAt } userErrors { code } } }`,
      { input: { id: c.id, title: 'Gifts', published: true } },
      admin,
    );
    expect(published.collectionUpdate.collection.title).toBe('Gifts');
    expect(published.collectionUpdate.collection.publishedAt).not.toBeNull();

    const added = await ok(t, MEMBERS('collectionAddProducts'), { id: c.id, ids: products }, admin);
    expect(added.collectionAddProducts.collection.products.totalCount).toBe(3);
    const removed = await ok(t, MEMBERS('collectionRemoveProducts'), { id: c.id, ids: [products[0]] }, admin);
    expect(removed.collectionRemoveProducts.collection.products.nodes.map((p: { id: string }) => p.id)).toEqual(
      products.slice(1),
    );

    const deleted = await ok(
      t,
      `mutation($id: ID!) { collectionDelete(input: { id: $id }) { deletedCollectionId userErrors { code } } }`,
      { id: c.id },
      admin,
    );
    expect(deleted.collectionDelete).toEqual({ deletedCollectionId: c.id, userErrors: [] });
    const still = await ok(t, `query($id: ID!) { product(id: $id) { id } }`, { id: products[0] }, admin);
    expect(still.product).toEqual({ id: products[0] });
  });

  it('answers userErrors: TAKEN handle, BLANK title, unknown or foreign products, missing collection', async () => {
    const t = get();
    const taken = await ok(t, CREATE, { input: { title: 'Again', handle: 'sale' } }, admin);
    expect(errors(taken.collectionCreate)).toEqual([{ field: 'input.handle', code: 'TAKEN' }]);
    const blank = await ok(t, CREATE, { input: { title: '  ' } }, admin);
    expect(errors(blank.collectionCreate)).toEqual([{ field: 'input.title', code: 'BLANK' }]);
    const betaProduct = (await ok(t, `{ products(first: 1) { nodes { id } } }`, {}, await t.admin('beta'))).products
      .nodes[0].id;
    const foreign = await ok(t, CREATE, { input: { title: 'Foreign', productIds: [betaProduct] } }, admin);
    expect(errors(foreign.collectionCreate)).toEqual([{ field: 'input.productIds.0', code: 'NOT_FOUND' }]);
    const sale = (await ok(t, `{ collection(handle: "sale") { id } }`, {}, admin)).collection.id;
    const bad = await ok(t, MEMBERS('collectionAddProducts'), { id: sale, ids: [sale] }, admin);
    expect(errors(bad.collectionAddProducts)).toEqual([{ field: 'productIds.0', code: 'NOT_FOUND' }]);
    const betaSale = (await ok(t, `{ collection(handle: "sale") { id } }`, {}, await t.admin('beta'))).collection.id;
    const notOurs = await ok(t, MEMBERS('collectionRemoveProducts'), { id: betaSale, ids: [] }, admin);
    expect(errors(notOurs.collectionRemoveProducts)).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);
  });
});
