import fc from 'fast-check';
import {
  allocate,
  applyRate,
  currencyExponent,
  divideRounded,
  fitsCurrency,
  formatMinor,
  includedPart,
  multiplyDecimal,
  percentRate,
  sumDecimals,
  toMinor,
} from '../../src/sdk/money';

const currencies = fc.constantFrom('EUR', 'USD', 'JPY', 'KWD');
const minor = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

describe('money', () => {
  it('knows the ISO 4217 exponents', () => {
    expect([currencyExponent('JPY'), currencyExponent('EUR'), currencyExponent('KWD')]).toEqual([0, 2, 3]);
    expect(() => currencyExponent('eur')).toThrow(RangeError);
  });

  it('reads and writes decimal strings with the currency digits', () => {
    expect(toMinor('12.5', 'EUR')).toBe(1250n);
    expect(toMinor('1500.00', 'JPY')).toBe(1500n);
    expect(toMinor('1.2345', 'KWD')).toBe(1235n);
    expect(formatMinor(1250n, 'EUR')).toBe('12.50');
    expect(formatMinor(5n, 'KWD')).toBe('0.005');
    expect(formatMinor(-7n, 'EUR')).toBe('-0.07');
    expect(formatMinor(1500n, 'JPY')).toBe('1500');
    expect(() => toMinor('1e3', 'EUR')).toThrow(RangeError);
  });

  it('tells whether an amount fits the currency: no non-zero digit past its minor unit', () => {
    expect(['1500', '1500.00', '1500.5'].map((a) => fitsCurrency(a, 'JPY'))).toEqual([true, true, false]);
    expect(['12.5', '12.50', '12.505'].map((a) => fitsCurrency(a, 'EUR'))).toEqual([true, true, false]);
    expect(['1.235', '1.2350', '1.2345', 'abc'].map((a) => fitsCurrency(a, 'KWD'))).toEqual([true, true, false, false]);
    fc.assert(fc.property(minor, currencies, (m, c) => fitsCurrency(formatMinor(m, c), c)));
  });

  it('multiplies and sums decimal strings exactly, keeping every digit', () => {
    expect(multiplyDecimal('1.235', 3n)).toBe('3.705');
    expect(multiplyDecimal('0.005', 2n)).toBe('0.010');
    expect(sumDecimals(['3.705', '0.01', '2'])).toBe('5.715');
    expect(sumDecimals([])).toBe('0');
    const kwd = fc.bigInt({ min: 0n, max: 10n ** 12n });
    fc.assert(
      fc.property(fc.array(fc.tuple(kwd, fc.integer({ min: 0, max: 999 }))), (lines) => {
        const totals = lines.map(([price, q]) => multiplyDecimal(formatMinor(price, 'KWD'), BigInt(q)));
        const expected = lines.reduce((s, [price, q]) => s + price * BigInt(q), 0n);
        expect(toMinor(sumDecimals(totals), 'KWD')).toBe(expected);
      }),
    );
  });

  it('rounds half away from zero, once', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    // 81.13 at 6 %: 4.8678 -> 4.87
    expect(applyRate(8113n, percentRate('6'))).toBe(487n);
    // 19 % VAT inside 11.90: 1.90
    expect(includedPart(1190n, percentRate('19'))).toBe(190n);
  });

  it('formats what it reads, in every currency', () => {
    fc.assert(fc.property(minor, currencies, (m, c) => toMinor(formatMinor(m, c), c) === m));
  });

  it('allocates: parts sum to the whole, never negative, in proportion within one unit, deterministic', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 }),
        (amount, weights) => {
          const parts = allocate(amount, weights);
          const total = weights.reduce((s, w) => s + w, 0n);
          expect(parts).toEqual(allocate(amount, weights));
          expect(parts.every((p) => p >= 0n)).toBe(true);
          if (total === 0n) return;
          expect(parts.reduce((s, p) => s + p, 0n)).toBe(amount);
          parts.forEach((p, i) => {
            const exact = (amount * weights[i]) / total;
            expect(p === exact || p === exact + 1n).toBe(true);
          });
        },
      ),
    );
  });

  it('a rounded rate is within half a unit of the exact value and grows with the amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 300000 }),
        (a, b, bp) => {
          const rate = percentRate((bp / 1000).toFixed(3));
          const r = applyRate(a, rate);
          const twice = 2n * (r * rate.denominator - a * rate.numerator);
          expect(twice <= rate.denominator && -twice <= rate.denominator).toBe(true);
          if (a <= b) expect(r <= applyRate(b, rate)).toBe(true);
          expect(includedPart(a, rate) <= a).toBe(true);
        },
      ),
    );
  });
});
