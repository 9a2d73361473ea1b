import { describeEachDatabase, stampTenant } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { ok } from './catalog-kit';
import { SET } from './inventory-kit';
import { searchSuite, staleSearchRows } from './search-kit';

const FACETED = `query($query: String!, $filters: [ProductFilter!]) {
  search(query: $query, first: 10, productFilters: $filters) {
    totalCount
    productFilters { id values { label count input } }
  }
}`;

interface Found {
  totalCount: number;
  productFilters: { id: string; values: { label: string; count: number; input: string }[] }[];
}

const CREATE = `mutation($input: ProductCreateInput!) { productCreate(input: $input) {
  product { id options { id } variants(first: 5) { nodes { id } } } userErrors { code } } }`;
const VARIANT = `mutation($input: ProductVariantUpdateInput!) { productVariantUpdate(input: $input) { userErrors { code } } }`;
const OPTION = `mutation($productId: ID!, $option: ProductOptionUpdateInput!) {
  productOptionUpdate(productId: $productId, option: $option) { userErrors { code } } }`;
const UPDATE = `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { userErrors { code } } }`;

describeEachDatabase('search facet data follows writes', searchSuite(), (get) => {
  let storefront: Auth;
  let admin: Auth;
  beforeAll(async () => {
    storefront = get().storefront('alpha');
    admin = await get().admin('alpha');
  });
  beforeEach(() => stampTenant(get(), 'alpha'));

  const search = async (filters: unknown[] = [], auth: Auth = storefront) =>
    (await ok<{ search: Found }>(get(), FACETED, { query: 'quoll', filters }, auth)).search;
  const values = (found: Found, id: string) =>
    Object.fromEntries(found.productFilters.find((f) => f.id === id)?.values.map((v) => [v.label, v.count]) ?? []);
  const write = async (t: TestGateway, query: string, variables: Record<string, unknown>) => {
    const data = await ok<Record<string, { userErrors: unknown[] }>>(t, query, variables, admin);
    expect(Object.values(data)[0].userErrors).toEqual([]);
  };

  it('keeps price, stock, options and visibility on the search row through catalog writes', async () => {
    const t = get();
    const made = await ok(
      t,
      CREATE,
      {
        input: {
          title: 'Quoll Scarf',
          vendor: 'Dunnart',
          status: 'ACTIVE',
          options: [{ name: 'Color', values: ['Red', 'Blue'] }],
          variants: [
            { price: '10.00', optionValues: ['Red'] },
            { price: '30.00', optionValues: ['Blue'] },
          ],
        },
      },
      admin,
    );
    const { id, options, variants } = made.productCreate.product;
    const [red, blue] = variants.nodes.map((v: { id: string }) => v.id);
    expect(await staleSearchRows(t.gateway.runtime, 'alpha')).toEqual([]);
    const midRange = [{ price: { min: '20', max: '40' } }];
    expect((await search(midRange)).totalCount).toBe(1);

    // A variant price change: no variant is in the range any more, and the price facet moves.
    await write(t, VARIANT, { input: { id: blue, price: '50.00' } });
    expect((await search(midRange)).totalCount).toBe(0);
    const price = (await search()).productFilters.find((f) => f.id === 'filter.v.price')!.values[0];
    expect(JSON.parse(price.input)).toEqual({ price: { min: '10.00', max: '50.00' } });
    expect(await staleSearchRows(t.gateway.runtime, 'alpha')).toEqual([]);

    // An option value renamed (added, moved to, then the old one removed).
    const color = options[0].id;
    await write(t, OPTION, { productId: id, option: { id: color, values: ['Red', 'Blue', 'Crimson'] } });
    await write(t, VARIANT, { input: { id: red, optionValues: ['Crimson'] } });
    await write(t, OPTION, { productId: id, option: { id: color, values: ['Crimson', 'Blue'] } });
    expect(values(await search(), 'filter.v.option.color')).toEqual({ Crimson: 1, Blue: 1 });
    expect((await search([{ variantOption: { name: 'Color', value: 'Red' } }])).totalCount).toBe(0);
    expect((await search([{ variantOption: { name: 'Color', value: 'Crimson' } }])).totalCount).toBe(1);
    expect(await staleSearchRows(t.gateway.runtime, 'alpha')).toEqual([]);

    // Stock tracked and down to zero on every variant: out of stock; one unit back: in stock.
    const location = await ok(
      t,
      `mutation { locationAdd(input: { name: "Quoll store" }) { location { id } userErrors { code } } }`,
      {},
      admin,
    );
    const locationId = location.locationAdd.location.id;
    for (const variantId of [red, blue]) {
      await write(t, SET, { input: { variantId, locationId, quantity: 0, reason: 'correction' } });
    }
    expect(values(await search(), 'filter.v.availability')).toEqual({ 'In stock': 0, 'Out of stock': 1 });
    expect((await search([{ availableForSale: true }])).totalCount).toBe(0);
    await write(t, SET, { input: { variantId: blue, locationId, quantity: 1, reason: 'correction' } });
    expect((await search([{ availableForSale: true }])).totalCount).toBe(1);
    expect(await staleSearchRows(t.gateway.runtime, 'alpha')).toEqual([]);

    // Unpublished: gone from the storefront's search and counts, still an admin's.
    await write(t, UPDATE, { input: { id, status: 'DRAFT' } });
    expect((await search()).totalCount).toBe(0);
    expect((await search([], admin)).totalCount).toBe(1);
    expect(await staleSearchRows(t.gateway.runtime, 'alpha')).toEqual([]);
  });
});
