/**
 * Exact money: amounts are integer minor units (bigint) of a currency whose exponent comes from
 * ISO 4217 (JPY 0, EUR 2, KWD 3). Decimal strings are read and written at the edges only; nothing in
 * between is a JavaScript float.
 *
 * One rounding rule, Shopify's: every computed amount (a percentage of a line, a line's tax) is rounded
 * on its own, per line, half away from zero, to the currency's minor unit; totals are sums of rounded
 * parts. Amounts split across parts (an order discount over its lines) use the largest remainder, so the
 * parts always add up to the whole.
 */

/** ISO 4217 currencies whose minor unit is not the cent; every other code has exponent 2. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const CODE = /^[A-Z]{3}$/;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export function currencyExponent(currency: string): number {
  if (!CODE.test(currency)) throw new RangeError(`Not an ISO 4217 currency code: ${currency}`);
  return EXPONENTS[currency] ?? 2;
}

/** 10^exponent: one major unit in minor units. */
export const minorPerMajor = (currency: string): bigint => 10n ** BigInt(currencyExponent(currency));

/** `n / d` rounded half away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('Divisor must be positive');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** A decimal string as integer units of its own last digit: '1.235' is 1235 at scale 3. */
function scaled(decimal: string): { units: bigint; scale: number } {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) throw new RangeError(`Not a decimal amount: ${decimal}`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: sign ? -units : units, scale: fraction.length };
}

/** A decimal string ('12.5', '-3', '0.125') in the currency's minor units, extra digits rounded half away from zero. */
export function toMinor(decimal: string, currency: string): bigint {
  const { units, scale } = scaled(decimal);
  return divideRounded(units * minorPerMajor(currency), 10n ** BigInt(scale));
}

function unscaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, abs.length - scale)}.${abs.slice(abs.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** Minor units as a decimal string with exactly the currency's digits ('12.50', '1500', '1.250'). */
export function formatMinor(minor: bigint, currency: string): string {
  return unscaled(minor, currencyExponent(currency));
}

/** Whether a decimal amount is exact in the currency's minor unit: no non-zero digit past its exponent. */
export function fitsCurrency(decimal: string, currency: string): boolean {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) return false;
  return !/[1-9]/.test((match[3] ?? '').slice(currencyExponent(currency)));
}

/**
 * Exact arithmetic on decimal strings whose currency is not at hand (a provider's line items): the
 * result keeps every digit of its operands, so nothing is rounded.
 */
export function multiplyDecimal(decimal: string, factor: bigint): string {
  const { units, scale } = scaled(decimal);
  return unscaled(units * factor, scale);
}

export function sumDecimals(decimals: readonly string[]): string {
  const parts = decimals.map(scaled);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  return unscaled(
    parts.reduce((sum, p) => sum + p.units * 10n ** BigInt(scale - p.scale), 0n),
    scale,
  );
}

/** A rate as an exact fraction, read from a decimal percentage ('19', '7.25', '8.875'). */
export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

export function percentRate(percent: string): Rate {
  const match = DECIMAL.exec(percent.trim());
  if (!match || match[1]) throw new RangeError(`Not a non-negative percentage: ${percent}`);
  const fraction = match[3] ?? '';
  const scale = 10n ** BigInt(fraction.length);
  return { numerator: BigInt(match[2]) * scale + BigInt(fraction || '0'), denominator: 100n * scale };
}

/** `amount × rate`, rounded to the minor unit (a line's share of a percentage discount, an excluded tax). */
export function applyRate(amount: bigint, rate: Rate): bigint {
  return divideRounded(amount * rate.numerator, rate.denominator);
}

/**
 * The part of a gross amount that is tax at `rate` out of a combined rate `total` (taxes included in
 * prices): gross × rate / (1 + total), rounded to the minor unit.
 */
export function includedPart(gross: bigint, rate: Rate, total: Rate = rate): bigint {
  const n = gross * rate.numerator * total.denominator;
  const d = rate.denominator * (total.denominator + total.numerator);
  return divideRounded(n, d);
}

/** The sum of two rates, exact. */
export function addRates(a: Rate, b: Rate): Rate {
  return {
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
}

/**
 * Splits a non-negative amount over non-negative weights in proportion, by largest remainder (ties go
 * to the earlier part): the parts are never negative and always sum to the amount. All-zero weights
 * give all the amount to none (zeros), so callers pass only parts that can carry it.
 */
export function allocate(amount: bigint, weights: readonly bigint[]): bigint[] {
  if (amount < 0n) throw new RangeError('Cannot allocate a negative amount');
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (amount * w) / total);
  let left = amount - parts.reduce((s, p) => s + p, 0n);
  const byRemainder = weights
    .map((w, i) => ({ i, rest: (amount * w) % total }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}

export const sumMinor = (amounts: readonly bigint[]): bigint => amounts.reduce((s, a) => s + a, 0n);
export const minMinor = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** A stored amount (numeric, at any scale) as GraphQL Money, in its currency's digits ('1500', '1.235'). */
export const moneyIn = (amount: string, currencyCode: string) => ({
  amount: formatMinor(toMinor(amount, currencyCode), currencyCode),
  currencyCode,
});
