import { cartSettings } from '../../resolvers/carts/settings';
import { describeEachDatabase } from '../kit/each-database';
import { appendSettings } from './pricing-fixtures';
import { cartWith, checkout, createVariant, stockOf, SUITE } from './orders-fixtures';

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
    const attempt = async (tenant: string, lines: { merchandiseId: string; quantity: number }[]) => {
      const cart = await cartWith(get(), tenant, lines, `limits${++n}@example.com`);
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
  },
);
