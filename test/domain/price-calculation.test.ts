import fc from 'fast-check';
import { percentRate, sumMinor } from '../../src/sdk/money';
import { priceCart, type DiscountInput, type PriceInput } from '../../connectors/carts/pricing/calculate';

const rate = fc.integer({ min: 0, max: 30000 }).map((bp) => (bp / 100).toFixed(2));
const line = fc.record({
  productId: fc.constantFrom('1', '2', '3'),
  collectionIds: fc.subarray(['c1', 'c2']),
  quantity: fc.integer({ min: 1, max: 999 }),
  unitPrice: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  taxable: fc.boolean(),
});
const discount = fc.record({
  code: fc.option(fc.constantFrom('A', 'B'), { nil: null }),
  value: fc.oneof(
    rate.map((p) => ({ kind: 'PERCENTAGE' as const, rate: percentRate(p) })),
    fc.bigInt({ min: 0n, max: 10n ** 10n }).map((amount) => ({ kind: 'FIXED_AMOUNT' as const, amount })),
    fc.constant({ kind: 'FREE_SHIPPING' as const }),
  ),
  entitled: fc.option(fc.record({ productIds: fc.subarray(['1', '2']), collectionIds: fc.subarray(['c1']) }), {
    nil: null,
  }),
});
const input: fc.Arbitrary<PriceInput> = fc.record({
  lines: fc.array(line, { minLength: 0, maxLength: 8 }).map((ls) => ls.map((l, i) => ({ ...l, id: String(i) }))),
  shipping: fc.option(fc.bigInt({ min: 0n, max: 10n ** 6n }), { nil: null }),
  taxesIncluded: fc.boolean(),
  taxRates: fc.array(
    fc.record({ title: fc.constantFrom('VAT', 'State'), percent: rate, shipping: fc.boolean() }).map((r) => ({
      ...r,
      rate: percentRate(r.percent),
    })),
    { maxLength: 2 },
  ),
  discounts: fc
    .array(discount, { maxLength: 3 })
    .map((ds) => ds.map((d, i): DiscountInput => ({ ...d, id: `d${i}`, title: `D${i}` }))),
});

describe('price calculation', () => {
  it('totals are the sums of their parts, never negative, and the same cart prices the same way', () => {
    fc.assert(
      fc.property(input, (cart) => {
        const p = priceCart(cart);
        expect(priceCart(cart)).toEqual(p);
        expect(p.subtotal).toBe(sumMinor(p.lines.map((l) => l.subtotal)));
        expect(p.totalDiscount).toBe(sumMinor(p.lines.map((l) => l.discount)) + p.shippingDiscount);
        expect(p.totalDiscount).toBe(sumMinor(p.applications.map((a) => a.amount)));
        expect(p.totalTax).toBe(sumMinor([...p.lines.map((l) => l.tax), ...p.shippingTaxLines.map((t) => t.amount)]));
        expect(p.total).toBe(p.subtotal - p.totalDiscount + p.shipping + (p.taxesIncluded ? 0n : p.totalTax));
        for (const l of p.lines) {
          expect(l.discount).toBe(sumMinor(l.allocations.map((a) => a.amount)));
          expect(l.discount >= 0n && l.discount <= l.subtotal).toBe(true);
          expect(l.tax).toBe(sumMinor(l.taxLines.map((t) => t.amount)));
          expect(l.tax >= 0n && l.total >= 0n).toBe(true);
          if (p.taxesIncluded) expect(l.tax <= l.subtotal - l.discount).toBe(true);
        }
        expect(p.shippingDiscount <= p.shipping).toBe(true);
        expect(p.total >= 0n && p.totalTax >= 0n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('prices the worked example of docs/domain-checkout.md', () => {
    // Acme: EUR, 19 % VAT included (also on shipping), WELCOME10 on a 2 × 24.99 + 1 × 9.90 cart, 4.90 shipping.
    const vat = { title: 'VAT', percent: '19', rate: percentRate('19'), shipping: true };
    const p = priceCart({
      lines: [
        { id: 'a', productId: '1', collectionIds: [], quantity: 2, unitPrice: 2499n, taxable: true },
        { id: 'b', productId: '2', collectionIds: [], quantity: 1, unitPrice: 990n, taxable: true },
      ],
      shipping: 490n,
      taxesIncluded: true,
      taxRates: [vat],
      discounts: [
        {
          id: 'w',
          code: 'WELCOME10',
          title: 'WELCOME10',
          value: { kind: 'PERCENTAGE', rate: percentRate('10') },
          entitled: null,
        },
      ],
    });
    // 10 % of 59.88 is 5.988 -> 5.99, split 49.98 : 9.90 -> 5.00 and 0.99 (largest remainder).
    expect(p.lines.map((l) => [l.subtotal, l.discount, l.tax])).toEqual([
      [4998n, 500n, 718n],
      [990n, 99n, 142n],
    ]);
    expect(p.shippingTaxLines).toEqual([{ title: 'VAT', percent: '19', amount: 78n }]);
    expect([p.subtotal, p.totalDiscount, p.shipping, p.totalTax, p.total]).toEqual([5988n, 599n, 490n, 938n, 5879n]);
  });
});
