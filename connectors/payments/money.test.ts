import fc from 'fast-check';
import { fromMinor, toMinor } from './money';

describe('payment money', () => {
  it('converts decimal strings to minor units and back exactly, at each currency exponent', () => {
    expect(toMinor('12.50', 'EUR')).toBe(1250);
    expect(toMinor('500.00', 'JPY')).toBe(500);
    expect(toMinor('500.50', 'JPY')).toBeNull();
    expect(toMinor('1.234', 'KWD')).toBe(1234);
    expect(toMinor('0.1', 'USD')).toBe(10);
    expect(toMinor('abc', 'USD')).toBeNull();
    expect(fromMinor(5, 'USD')).toBe('0.05');
    expect(fromMinor(-1250, 'EUR')).toBe('-12.50');
    expect(fromMinor(500, 'JPY')).toBe('500');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('USD', 'JPY', 'KWD'), (minor, currency) => {
        expect(toMinor(fromMinor(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});
