/**
 * Exact money for payments: amounts travel as decimal strings (the orders' numeric columns) and are
 * computed in integer minor units at the currency's ISO 4217 exponent. Never a float.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function exponentOf(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  return THREE_DECIMAL.has(currency) ? 3 : 2;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** `"12.50"` in EUR is 1250. Digits beyond the exponent must be zero (a numeric(…,2) JPY "500.00"). */
export function toMinor(amount: string, currency: string): number | null {
  if (!DECIMAL.test(amount)) return null;
  const exponent = exponentOf(currency);
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  if (/[1-9]/.test(fraction.slice(exponent))) return null;
  const minor =
    BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.slice(0, exponent).padEnd(exponent, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(negative ? -minor : minor);
}

/** 1250 in EUR is `"12.50"`. */
export function fromMinor(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
