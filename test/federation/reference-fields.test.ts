import { remoteFragment } from '../../src/plugins/remote/fragment';
import { completeReferences } from '../../src/plugins/remote/reference-completion';
import { encodeGlobalId, type GatewayContext } from '../../src/sdk';

const remote = { url: 'http://x', kind: 'federation' as const };
const ours = new Set(['Product', 'ProductPriceRange', 'Money']);
const sdl = (provides: string, external = 'availableForSale: Boolean! @external', described = '') => `
  type Product @key(fields: "id") { id: ID! ${external} score: Int! related: [Product!]! }
  type Review { id: ID! product: Product! ${provides} }
  type Query { latest: [Review!]! pick: Product! }
  ${described}`;

describe('fields of a service that return our entities', () => {
  it('are references, nullable (their list items too), with the fields they provide', () => {
    const fragment = remoteFragment(sdl('@provides(fields: "availableForSale")'), remote, ours);
    expect(fragment.typeDefs).toMatch(/type Review {\s+id: ID!\s+product: Product\s+}/);
    expect(fragment.typeDefs).toMatch(/related: \[Product\]\n/);
    expect(fragment.typeDefs).toMatch(/pick: Product\n/);
    expect(fragment.typeDefs).not.toMatch(/availableForSale|@provides/);
    expect(Object.fromEntries(fragment.references)).toEqual({
      'Review.product': { type: 'Product', provides: ['availableForSale'] },
      'Product.related': { type: 'Product', provides: [] },
      'Query.pick': { type: 'Product', provides: [] },
    });
  });

  it('refuses to provide an object field: its value would reach our resolvers, which read rows', () => {
    const described = `type ProductPriceRange { minVariantPrice: Money! @external } type Money { amount: String! @external }`;
    const provides = '@provides(fields: "priceRange { minVariantPrice { amount } }")';
    expect(() =>
      remoteFragment(sdl(provides, 'priceRange: ProductPriceRange! @external', described), remote, ours),
    ).toThrow(/@provides of Review.product: priceRange is not an @external field of scalar or enum type/);
  });

  it('refuses to provide a field the service does not declare @external on the entity', () => {
    expect(() => remoteFragment(sdl('@provides(fields: "title")'), remote, ours)).toThrow(
      /@provides of Review.product: title is not an @external field/,
    );
  });
});

describe('completing the references a service answers', () => {
  const reference = { type: 'Product', provides: ['availableForSale'] };
  const row = { id: '7', title: 'Trail Boot' };
  const loads: string[] = [];
  const ctx = {
    loadNodeOf: (type: string, id: string) => {
      loads.push(`${type}:${id}`);
      return Promise.resolve(id === '7' ? row : null);
    },
  } as unknown as GatewayContext;
  const ref = (type: string, id: string, extra: Record<string, unknown> = {}) => ({
    __typename: type,
    _gatewayReferenceId: encodeGlobalId(type, id),
    ...extra,
  });

  it('loads each through the owning plugin; another type reads null without a load', async () => {
    const [plain, absent, other, none] = (await completeReferences(
      [ref('Product', '7'), ref('Product', '8'), ref('Collection', '7'), null],
      reference,
      ctx,
      'reviews',
    )) as unknown[];
    expect(plain).toBe(row);
    expect([absent, other, none]).toEqual([null, null, null]);
    expect(loads).toEqual(['Product:7', 'Product:8']);
  });

  it('gives a reference with provided values a node of its own, over the same row', async () => {
    const node = (await completeReferences(ref('Product', '7', { availableForSale: true }), reference, ctx, 'r')) as {
      title: string;
    };
    expect(node).not.toBe(row);
    expect(node.title).toBe('Trail Boot');
    expect(row).toEqual({ id: '7', title: 'Trail Boot' });
  });

  it('refuses an answer without an id, with a message of ours', async () => {
    await expect(completeReferences({ title: 'secret host db-7' }, reference, ctx, 'reviews')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The reviews service answered a reference the gateway cannot read',
    });
  });
});
