import { scenarios, type Scenario } from '../../bench/scenarios';
import { describeEachDatabase } from '../kit/each-database';
import { allPluginsUnlimited, seedEach } from './all-plugins';

/**
 * The benchmark's product and orders pages, exactly as bench/scenarios.ts sends them, over every plugin's
 * demo data with partial rows as production reads them (no guard): a column a resolver reads without
 * it being selected reads as undefined there, and a non-null field nulls its parent. The product page
 * once answered `product: null` so (a variant's selectedOptions read its options' names, unselected).
 */
// The bench tenant's limits: the orders page of 50 orders costs more than the fixture tenants allow.
const { plugins, tenantsDir } = allPluginsUnlimited();

const scenario = (name: Scenario['name']): Scenario => {
  const found = scenarios({ variantId: 'unused', locationId: 'unused', checkoutVariantIds: [] }).find(
    (s) => s.name === name,
  );
  if (!found) throw new Error(`no ${name} scenario`);
  return found;
};

type Money = { amount: string; currencyCode: string };

describeEachDatabase(
  'bench pages as production reads them',
  { plugins, tenantsDir, guardPartialRows: false },
  (get) => {
    beforeAll(async () => {
      const t = get();
      expect(await seedEach(t.gateway.runtime, t.gateway.composition.plugins)).toEqual([]);
    });

    it('answers the product page of a product with options', async () => {
      const t = get();
      const listed = await t.graphql<{ products: { nodes: { handle: string; options: { name: string }[] }[] } }>(
        '{ products(first: 50) { nodes { handle options { name } } } }',
        {},
        t.storefront('alpha'),
      );
      const handle = listed.body.data?.products.nodes.find((p) => p.options.length > 0)?.handle;
      expect(handle).toEqual(expect.any(String));

      const { query } = scenario('product');
      const res = await t.graphql<{
        product: {
          handle: string;
          priceRange: { minVariantPrice: Money };
          variants: {
            nodes: { sku: string | null; price: Money; selectedOptions: { name: string; value: string }[] }[];
          };
        } | null;
      }>(query, { handle }, t.storefront('alpha'));
      expect(res.body.errors).toBeUndefined();
      const product = res.body.data?.product;
      expect(product).toEqual(expect.objectContaining({ handle }));
      expect(product?.priceRange.minVariantPrice.amount).toEqual(expect.any(String));
      expect(product?.variants.nodes.length).toBeGreaterThan(0);
      for (const variant of product?.variants.nodes ?? []) {
        expect(variant.price).toEqual({ amount: expect.any(String), currencyCode: expect.any(String) });
        expect(variant.selectedOptions.length).toBeGreaterThan(0);
        for (const option of variant.selectedOptions) {
          expect(option).toEqual({ name: expect.any(String), value: expect.any(String) });
        }
      }
    });

    it('answers the admin orders page', async () => {
      const t = get();
      const { query, variables } = scenario('orders');
      const res = await t.graphql<{
        orders: {
          nodes: {
            name: string;
            totalPrice: Money;
            lineItems: { nodes: { title: string; originalUnitPrice: Money }[] };
          }[];
        };
      }>(query, variables, await t.admin('alpha'));
      expect(res.body.errors).toBeUndefined();
      const orders = res.body.data?.orders.nodes ?? [];
      expect(orders.length).toBeGreaterThan(0);
      for (const order of orders) {
        expect(order.totalPrice).toEqual({ amount: expect.any(String), currencyCode: expect.any(String) });
        expect(order.lineItems.nodes.length).toBeGreaterThan(0);
        for (const item of order.lineItems.nodes) {
          expect(item.originalUnitPrice).toEqual({
            amount: expect.any(String),
            currencyCode: order.totalPrice.currencyCode,
          });
        }
      }
    });
  },
);
