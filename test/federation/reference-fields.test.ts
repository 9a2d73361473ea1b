import { remoteFragment } from '../../src/plugins/remote/fragment';

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
