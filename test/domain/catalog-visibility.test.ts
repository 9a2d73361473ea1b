import { describeEachDatabase } from '../kit/each-database';
import { catalogSuite, errorCodes, ok, seedDemo } from './catalog-kit';

const DRAFT = `{ products(first: 1, filter: { status: DRAFT }) { nodes { id handle
  variants(first: 1) { nodes { id } } options { id } images(first: 1) { nodes { id } } } } }`;
const LOOKUP = `query($id: ID!, $handle: String) { product(id: $id) { id } byHandle: product(handle: $handle) { id } node(id: $id) { id } }`;

describeEachDatabase('catalog visibility', catalogSuite(), (get) => {
  beforeAll(() => seedDemo(get()));

  it('hides drafts and archived products from the storefront by id, handle, node and children', async () => {
    const t = get();
    const draft = (await ok(t, DRAFT, {}, await t.admin('alpha'))).products.nodes[0];
    const storefront = t.storefront('alpha');
    expect(await ok(t, LOOKUP, { id: draft.id, handle: draft.handle }, storefront)).toEqual({
      product: null,
      byHandle: null,
      node: null,
    });
    const children = [draft.variants.nodes[0].id, draft.images.nodes[0].id];
    expect(
      (await ok(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: children }, storefront)).nodes,
    ).toEqual([null, null]);
    const admin = await t.admin('alpha', { scopes: ['read_products'] });
    expect(await ok(t, LOOKUP, { id: draft.id, handle: draft.handle }, admin)).toEqual({
      product: { id: draft.id },
      byHandle: { id: draft.id },
      node: { id: draft.id },
    });
    const archived = await ok(
      t,
      `{ products(first: 250, filter: { status: ARCHIVED }) { totalCount } }`,
      {},
      storefront,
    );
    expect(archived.products.totalCount).toBe(0);
  });

  it("makes another tenant's products, variants, options, images and collections look absent", async () => {
    const t = get();
    const beta = await t.admin('beta');
    const p = (
      await ok(
        t,
        `{ products(first: 10) { nodes { id handle variants(first: 1) { nodes { id } } options { id }
        images(first: 1) { nodes { id } } collections(first: 1) { nodes { id handle } } } } }`,
        {},
        beta,
      )
    ).products.nodes.find((n: { options: unknown[] }) => n.options.length > 0);
    const ids = [p.id, p.variants.nodes[0].id, p.options[0].id, p.images.nodes[0].id, p.collections.nodes[0].id];
    for (const auth of [t.storefront('alpha'), await t.admin('alpha')]) {
      expect((await ok(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }, auth)).nodes).toEqual(
        ids.map(() => null),
      );
      expect(await ok(t, LOOKUP, { id: p.id, handle: p.handle }, auth)).toMatchObject({ product: null, node: null });
      const c = await ok(
        t,
        `query($id: ID!, $h: String!) { collection(id: $id) { id } collectionByHandle(handle: $h) { id } }`,
        {
          id: p.collections.nodes[0].id,
          h: p.collections.nodes[0].handle,
        },
        auth,
      );
      expect(c.collection).toBeNull();
      expect(c.collectionByHandle?.id).not.toBe(p.collections.nodes[0].id);
    }
  });

  it('refuses catalog reads to staff without read_products, and hides nodes from them', async () => {
    const t = get();
    const staff = await t.admin('alpha', { role: 'staff', scopes: ['read_orders'] });
    expect(await errorCodes(t, `{ products(first: 1) { nodes { id } } }`, {}, staff)).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, `{ collections(first: 1) { nodes { id } } }`, {}, staff)).toEqual(['FORBIDDEN']);
    const id = (await ok(t, `{ products(first: 1) { nodes { id } } }`, {}, t.storefront('alpha'))).products.nodes[0].id;
    expect((await ok(t, `query($id: ID!) { node(id: $id) { id } }`, { id }, staff)).node).toBeNull();
  });
});
