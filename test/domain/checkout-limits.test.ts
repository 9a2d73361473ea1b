import { sql } from 'kysely';
import { cartTokenOf } from '../../resolvers/carts/cart-id';
import { cartSettings } from '../../resolvers/carts/settings';
import { describeEachDatabase } from '../kit/each-database';
import { appendSettings } from './pricing-fixtures';
import {
  CART_FIELDS,
  cartWith,
  checkout,
  createVariant,
  rows,
  stockOf,
  SUITE,
  type CartPayload,
  type VariantFixture,
} from './orders-fixtures';

const LIMITS =
  'settings:\n  carts:\n    checkout:\n      maxLineQuantity: 3\n      maxCartLines: 2\n      maxCartQuantity: 5\n';

describe('checkout limits in the tenant file', () => {
  it('takes positive whole limits and refuses anything else', () => {
    expect(cartSettings.parse({ checkout: { maxLineQuantity: 3, maxCartLines: 2 } }).checkout).toEqual({
      maxLineQuantity: 3,
      maxCartLines: 2,
    });
    for (const checkout of [{ maxLineQuantity: 0 }, { maxCartLines: 1.5 }, { maxCartQuantity: -1 }, { maxItems: 2 }]) {
      expect(cartSettings.safeParse({ checkout }).success).toBe(false);
    }
  });
});

describeEachDatabase(
  'checkout limits',
  { ...SUITE, tenantsDir: appendSettings(SUITE.tenantsDir, { beta: LIMITS }) },
  (get) => {
    let n = 0;
    const variants = (count: number) =>
      Promise.all(Array.from({ length: count }, () => createVariant(get(), 'beta', { price: '2.00', stock: [10] })));
    type Line = { merchandiseId: string; quantity: number };
    /**
     * A cart holding `lines` as they are, written past the cart mutations (which refuse lines over the
     * limits): a cart filled before the shop lowered its limits.
     */
    const filledCart = async (tenant: string, lines: Line[], email: string) => {
      const cart = await cartWith(get(), tenant, [{ merchandiseId: lines[0].merchandiseId, quantity: 1 }], email);
      for (const line of lines) {
        const variantId = Buffer.from(line.merchandiseId, 'base64url').toString().split('/').pop();
        await rows(
          get(),
          tenant,
          sql`insert into cart_lines (tenant_id, cart_id, variant_id, quantity)
            values (${tenant}, ${cartTokenOf(cart.id)}, ${variantId}, ${line.quantity})
            on conflict (cart_id, variant_id) do update set quantity = excluded.quantity`,
        );
      }
      return cart;
    };
    const attempt = async (tenant: string, lines: Line[]) => {
      const cart = await filledCart(tenant, lines, `limits${++n}@example.com`);
      const res = await checkout(get(), tenant, cart.id, `limits-${n}-${Date.now()}`);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.checkoutComplete;
    };

    it('refuses a line over the shop limit, reserving nothing', async () => {
      const [a, b] = await variants(2);
      const res = await attempt('beta', [
        { merchandiseId: a.variantGid, quantity: 1 },
        { merchandiseId: b.variantGid, quantity: 4 },
      ]);
      expect(res).toEqual({
        order: null,
        userErrors: [{ field: ['lines', '1', 'quantity'], code: 'MAXIMUM_EXCEEDED', message: expect.any(String) }],
      });
      expect(await stockOf(get(), 'beta', a)).toEqual([10]);
      expect(await stockOf(get(), 'beta', b)).toEqual([10]);
    });

    it('refuses a cart over the line count or the total quantity', async () => {
      const [a, b, c] = await variants(3);
      const lines = await attempt(
        'beta',
        [a, b, c].map((v) => ({ merchandiseId: v.variantGid, quantity: 1 })),
      );
      expect(lines.userErrors).toEqual([{ field: ['cartId'], code: 'MAXIMUM_EXCEEDED', message: expect.any(String) }]);
      const units = await attempt('beta', [
        { merchandiseId: a.variantGid, quantity: 3 },
        { merchandiseId: b.variantGid, quantity: 3 },
      ]);
      expect(units.userErrors).toEqual([{ field: ['cartId'], code: 'MAXIMUM_EXCEEDED', message: expect.any(String) }]);
      expect(await stockOf(get(), 'beta', a)).toEqual([10]);
      // At the limits exactly: placed.
      const placed = await attempt('beta', [
        { merchandiseId: a.variantGid, quantity: 3 },
        { merchandiseId: b.variantGid, quantity: 2 },
      ]);
      expect(placed.userErrors).toEqual([]);
      expect(placed.order).not.toBeNull();
      expect(await stockOf(get(), 'beta', a)).toEqual([7]);
    });

    it('applies no limit to a shop without one', async () => {
      const v = await createVariant(get(), 'alpha', { price: '2.00', stock: [10] });
      const placed = await attempt('alpha', [{ merchandiseId: v.variantGid, quantity: 8 }]);
      expect(placed.userErrors).toEqual([]);
    });

    const OPERATIONS = {
      create: 'mutation($input: CartInput) { cartCreate(input: $input)',
      add: 'mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines)',
      update:
        'mutation($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines)',
    };
    const cartCall = async (operation: keyof typeof OPERATIONS, variables: Record<string, unknown>) => {
      const res = await get().graphql<Record<string, CartPayload>>(
        `${OPERATIONS[operation]} { cart { ${CART_FIELDS} } userErrors { field code message } } }`,
        variables,
        get().storefront('beta'),
      );
      expect(res.body.errors).toBeUndefined();
      return Object.values(res.body.data!)[0];
    };
    const line = (v: VariantFixture, quantity: number) => ({ merchandiseId: v.variantGid, quantity });
    const over = (field: string[]) => [{ field, code: 'MAXIMUM_EXCEEDED', message: expect.any(String) }];

    it('refuses cart lines over the limits when they are added, with the code checkout gives', async () => {
      const [a, b, c] = await variants(3);
      const refusedCreate = await cartCall('create', { input: { lines: [line(a, 1), line(b, 4)] } });
      expect(refusedCreate).toEqual({ cart: null, userErrors: over(['input', 'lines', '1', 'quantity']) });
      const created = await cartCall('create', { input: { lines: [line(a, 3), line(b, 1)] } });
      expect(created.userErrors).toEqual([]);
      const cartId = created.cart!.id;
      const add = (lines: unknown[]) => cartCall('add', { cartId, lines });
      // A line's units add up: 3 of a and 1 more is 4.
      expect(await add([line(a, 1)])).toMatchObject({ userErrors: over(['lines', '0', 'quantity']) });
      // A third line.
      expect(await add([line(c, 1)])).toMatchObject({ userErrors: over(['lines']) });
      // Six units in all.
      const units = await add([line(b, 2)]);
      expect(units.userErrors).toEqual(over(['lines']));
      // Refused changes leave the cart as it was; at the limits exactly is allowed.
      expect(units.cart!.totalQuantity).toBe(4);
      const atLimit = await add([line(b, 1)]);
      expect(atLimit.userErrors).toEqual([]);
      expect(atLimit.cart!.totalQuantity).toBe(5);
    });

    it('refuses a line update over the limits and lets an over-limit cart shrink', async () => {
      const [a, b] = await variants(2);
      const created = await cartCall('create', { input: { lines: [line(a, 1), line(b, 1)] } });
      const cartId = created.cart!.id;
      const [lineA, lineB] = created.cart!.lines.nodes.map((l) => l.id);
      const update = (updates: { id: string; quantity: number }[]) => cartCall('update', { cartId, lines: updates });
      expect(await update([{ id: lineB, quantity: 4 }])).toMatchObject({
        userErrors: over(['lines', '0', 'quantity']),
      });
      expect(
        await update([
          { id: lineA, quantity: 3 },
          { id: lineB, quantity: 3 },
        ]),
      ).toMatchObject({
        userErrors: over(['lines']),
      });
      expect((await update([{ id: lineA, quantity: 3 }])).userErrors).toEqual([]);

      // Filled before the limits were lowered: 9 of one item. Lowering it is allowed, raising it is not
      // (over the line's limit and over the units in all).
      const filled = await filledCart('beta', [line(a, 9)], `filled${++n}@example.com`);
      const filledLine = filled.lines.nodes[0].id;
      const shrink = await cartCall('update', {
        cartId: filled.id,
        lines: [{ id: filledLine, quantity: 8 }],
      });
      expect(shrink.userErrors).toEqual([]);
      const grow = await cartCall('update', {
        cartId: filled.id,
        lines: [{ id: filledLine, quantity: 9 }],
      });
      expect(grow.userErrors).toEqual([...over(['lines', '0', 'quantity']), ...over(['lines'])]);
    });
  },
);
