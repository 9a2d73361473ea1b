import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { formatMinor, sumMinor } from '../../src/sdk/money';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { rows } from './orders-fixtures';
import { PAYMENT_PLUGINS, paymentTenants } from './payments-fixtures';

/** A shop per currency exponent: alpha in yen (0), gamma in euros (2), beta in Kuwaiti dinars (3). */
const GAMMA = {
  TEST_GAMMA_STOREFRONT_TOKEN: 'gamma-storefront-token-0123456789',
  TEST_GAMMA_JWT_SECRET: 'gamma-jwt-secret-0123456789abcdef0123456789',
};
Object.assign(process.env, GAMMA);

function currencyTenants(): string {
  const dir = paymentTenants();
  const currency = (id: string, code: string) => {
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^currency: .*$/m, `currency: ${code}`));
  };
  currency('alpha', 'JPY');
  currency('beta', 'KWD');
  const alpha = readFileSync(join(dir, 'alpha.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'gamma.yaml'),
    alpha.replace(/alpha/g, 'gamma').replace(/ALPHA/g, 'GAMMA').replace(/Alpha/g, 'Gamma').replace('JPY', 'EUR'),
  );
  return dir;
}
const SHOPS = [
  { tenant: 'alpha', currency: 'JPY' },
  { tenant: 'gamma', currency: 'EUR' },
  { tenant: 'beta', currency: 'KWD' },
] as const;

const CREATE = `mutation($input: ProductCreateInput!) { productCreate(input: $input) {
  product { id variants(first: 10) { nodes { id price { amount currencyCode } compareAtPrice { amount } } } }
  userErrors { field code message } } }`;
const VARIANT_UPDATE = `mutation($input: ProductVariantUpdateInput!) { productVariantUpdate(input: $input) {
  productVariant { price { amount } } userErrors { field code message } } }`;
const CART_CREATE = `mutation($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { field code } } }`;
const COST = `query($id: ID!) { cart(id: $id) { cost { subtotalAmount { amount currencyCode } totalAmount { amount } }
  lines(first: 100) { nodes { cost { amountPerQuantity { amount } subtotalAmount { amount } totalAmount { amount } } } } } }`;
const CHECKOUT = `mutation($id: ID!, $key: String!) { checkoutComplete(cartId: $id, idempotencyKey: $key, email: "fils@example.com") {
  order { id } userErrors { field code } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { subtotalPrice { amount currencyCode } totalPrice { amount }
  lineItems { nodes { quantity originalUnitPrice { amount } originalTotal { amount } } } } }`;
const MARK_PAID = `mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }`;
const REFUND = `mutation($id: ID!, $amount: Decimal!, $key: String!) { refundCreate(orderId: $id, amount: $amount, idempotencyKey: $key) {
  order { financialStatus transactions { kind amount { amount currencyCode } } customer { amountSpent { amount currencyCode } } }
  userErrors { field code } } }`;

interface Variant {
  id: string;
  price: { amount: string; currencyCode: string };
  compareAtPrice: { amount: string } | null;
}
interface CreatePayload {
  product: { id: string; variants: { nodes: Variant[] } } | null;
  userErrors: { field: string[]; code: string; message: string }[];
}

let sequence = 0;

describeEachDatabase(
  'prices kept exactly in the currency of the shop',
  { plugins: PAYMENT_PLUGINS, tenantsDir: currencyTenants() },
  (get) => {
    const admins = new Map<string, Auth>();
    beforeAll(async () => {
      for (const { tenant } of SHOPS) admins.set(tenant, await get().admin(tenant));
    });
    const storefront = (t: TestGateway, tenant: string): Auth =>
      tenant === 'gamma' ? { 'x-storefront-token': GAMMA.TEST_GAMMA_STOREFRONT_TOKEN } : t.storefront(tenant);

    /** An active product with one variant per price (option Size 1, 2, ...). */
    const product = async (tenant: string, prices: { price: string; compareAtPrice?: string }[]) => {
      const n = ++sequence;
      const res = await get().graphql<{ productCreate: CreatePayload }>(
        CREATE,
        {
          input: {
            title: `Priced ${n}`,
            status: 'ACTIVE',
            options: [{ name: 'Size', values: prices.map((_, i) => String(i + 1)) }],
            variants: prices.map((p, i) => ({ ...p, optionValues: [String(i + 1)] })),
          },
        },
        admins.get(tenant),
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.productCreate;
    };
    const cart = async (tenant: string, lines: { merchandiseId: string; quantity: number }[]) => {
      const res = await get().graphql<{ cartCreate: { cart: { id: string } } }>(
        CART_CREATE,
        { input: { lines } },
        storefront(get(), tenant),
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.cartCreate.cart.id;
    };
    const cost = async (tenant: string, id: string) =>
      (await get().graphql<{ cart: unknown }>(COST, { id }, storefront(get(), tenant))).body.data!.cart;

    it('prices, checks out, takes payment and refunds in fils, exactly', async () => {
      const created = await product('beta', [
        { price: '1.235', compareAtPrice: '2.5' },
        { price: '0.5' },
        { price: '0.005' },
      ]);
      expect(created.userErrors).toEqual([]);
      const variants = created.product!.variants.nodes;
      expect(variants.map((v) => [v.price, v.compareAtPrice])).toEqual([
        [{ amount: '1.235', currencyCode: 'KWD' }, { amount: '2.500' }],
        [{ amount: '0.500', currencyCode: 'KWD' }, null],
        [{ amount: '0.005', currencyCode: 'KWD' }, null],
      ]);
      const id = await cart(
        'beta',
        variants.map((v, i) => ({ merchandiseId: v.id, quantity: [3, 2, 7][i] })),
      );
      // 3 × 1.235 + 2 × 0.500 + 7 × 0.005 = 3.705 + 1.000 + 0.035 = 4.740
      expect(await cost('beta', id)).toEqual({
        cost: { subtotalAmount: { amount: '4.740', currencyCode: 'KWD' }, totalAmount: { amount: '4.740' } },
        lines: {
          nodes: [
            ['1.235', '3.705'],
            ['0.500', '1.000'],
            ['0.005', '0.035'],
          ].map(([each, total]) => ({
            cost: {
              amountPerQuantity: { amount: each },
              subtotalAmount: { amount: total },
              totalAmount: { amount: total },
            },
          })),
        },
      });

      const admin = admins.get('beta')!;
      const placed = await get().graphql<{ checkoutComplete: { order: { id: string } | null; userErrors: unknown[] } }>(
        CHECKOUT,
        { id, key: 'fils-checkout' },
        storefront(get(), 'beta'),
      );
      expect(placed.body.data!.checkoutComplete.userErrors).toEqual([]);
      const orderId = placed.body.data!.checkoutComplete.order!.id;
      expect((await get().graphql<{ order: unknown }>(ORDER, { id: orderId }, admin)).body.data!.order).toEqual({
        subtotalPrice: { amount: '4.740', currencyCode: 'KWD' },
        totalPrice: { amount: '4.740' },
        lineItems: {
          nodes: [
            { quantity: 3, originalUnitPrice: { amount: '1.235' }, originalTotal: { amount: '3.705' } },
            { quantity: 2, originalUnitPrice: { amount: '0.500' }, originalTotal: { amount: '1.000' } },
            { quantity: 7, originalUnitPrice: { amount: '0.005' }, originalTotal: { amount: '0.035' } },
          ],
        },
      });
      expect(await rows(get(), 'beta', sql`select subtotal::text, total::text from order_pricing`)).toEqual([
        { subtotal: '4.740', total: '4.740' },
      ]);

      expect((await get().graphql(MARK_PAID, { id: orderId }, admin)).body.data).toEqual({
        orderMarkAsPaid: { userErrors: [] },
      });
      const refunded = await get().graphql<{ refundCreate: unknown }>(
        REFUND,
        { id: orderId, amount: '1.235', key: 'fils-refund' },
        admin,
      );
      expect(refunded.body.data!.refundCreate).toEqual({
        order: {
          financialStatus: 'PARTIALLY_REFUNDED',
          transactions: [
            { kind: 'SALE', amount: { amount: '4.740', currencyCode: 'KWD' } },
            { kind: 'REFUND', amount: { amount: '1.235', currencyCode: 'KWD' } },
          ],
          customer: { amountSpent: { amount: '3.505', currencyCode: 'KWD' } },
        },
        userErrors: [],
      });
      const tooPrecise = await get().graphql<{ refundCreate: { userErrors: { code: string }[] } }>(
        REFUND,
        { id: orderId, amount: '0.0005', key: 'fils-refund-2' },
        admin,
      );
      expect(tooPrecise.body.data!.refundCreate.userErrors).toEqual([{ field: ['amount'], code: 'INVALID' }]);
      expect(await rows(get(), 'beta', sql`select kind, amount::text from payment_transactions order by id`)).toEqual([
        { kind: 'SALE', amount: '4.740' },
        { kind: 'REFUND', amount: '1.235' },
      ]);
      expect(
        await rows(get(), 'beta', sql`select amount_spent::text from customers where email = 'fils@example.com'`),
      ).toEqual([{ amount_spent: '3.505' }]);
    });

    it('keeps fils prices on the search row that filters and facets read', async () => {
      const created = await product('beta', [{ price: '1.235' }, { price: '0.005' }]);
      expect(created.userErrors).toEqual([]);
      const title = `Priced ${sequence}`;
      expect(
        await rows(
          get(),
          'beta',
          sql`select s.min_price::text, s.max_price::text, s.prices::text[] as prices
                from product_search s join products p on p.tenant_id = s.tenant_id and p.id = s.product_id
               where p.title = ${title}`,
        ),
      ).toEqual([{ min_price: '0.005', max_price: '1.235', prices: ['0.005', '1.235'] }]);
    });

    it('refuses a price with more decimals than the currency has, with its field and TOO_MANY_DECIMALS', async () => {
      const yen = await product('alpha', [{ price: '1500.5' }]);
      expect(yen).toEqual({
        product: null,
        userErrors: [
          {
            field: ['input', 'variants', '0', 'price'],
            code: 'TOO_MANY_DECIMALS',
            message: 'price has more decimals than JPY has (0)',
          },
        ],
      });
      const dinar = await product('beta', [{ price: '1', compareAtPrice: '1.2345' }]);
      expect(dinar.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
        ['input.variants.0.compareAtPrice', 'TOO_MANY_DECIMALS'],
      ]);
      // Zeros past the minor unit lose nothing: stored and shown in the currency's digits.
      const whole = await product('alpha', [{ price: '1500.00' }]);
      expect(whole.product!.variants.nodes[0].price).toEqual({ amount: '1500', currencyCode: 'JPY' });
      const update = await get().graphql<{ productVariantUpdate: unknown }>(
        VARIANT_UPDATE,
        { input: { id: whole.product!.variants.nodes[0].id, price: '1499.99' } },
        admins.get('alpha'),
      );
      expect(update.body.data!.productVariantUpdate).toEqual({
        productVariant: null,
        userErrors: [
          { field: ['input', 'price'], code: 'TOO_MANY_DECIMALS', message: 'price has more decimals than JPY has (0)' },
        ],
      });
      expect(
        await rows(get(), 'alpha', sql`select price::text from product_variants where title = '1' and price >= 1499`),
      ).toEqual([{ price: '1500' }]);
      expect(
        await rows(get(), 'alpha', sql`select count(*)::int as n from products where title like 'Priced%'`),
      ).toEqual([{ n: 1 }]);
    });

    it('totals equal the sum of their parts in JPY, EUR and KWD, the same every time', async () => {
      const line = fc.record({
        minor: fc.bigInt({ min: 0n, max: 10n ** 8n }),
        quantity: fc.integer({ min: 1, max: 999 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...SHOPS),
          fc.array(line, { minLength: 1, maxLength: 4 }),
          async (shop, lines) => {
            const { tenant, currency } = shop;
            const created = await product(
              tenant,
              lines.map((l) => ({ price: formatMinor(l.minor, currency) })),
            );
            expect(created.userErrors).toEqual([]);
            const id = await cart(
              tenant,
              created.product!.variants.nodes.map((v, i) => ({ merchandiseId: v.id, quantity: lines[i].quantity })),
            );
            const parts = lines.map((l) => l.minor * BigInt(l.quantity));
            const total = formatMinor(sumMinor(parts), currency);
            const first = await cost(tenant, id);
            expect(first).toEqual({
              cost: { subtotalAmount: { amount: total, currencyCode: currency }, totalAmount: { amount: total } },
              lines: {
                nodes: lines.map((l, i) => ({
                  cost: {
                    amountPerQuantity: { amount: formatMinor(l.minor, currency) },
                    subtotalAmount: { amount: formatMinor(parts[i], currency) },
                    totalAmount: { amount: formatMinor(parts[i], currency) },
                  },
                })),
              },
            });
            expect(await cost(tenant, id)).toEqual(first);
          },
        ),
        { numRuns: 12 },
      );
    });
  },
);
