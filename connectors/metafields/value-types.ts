import { currencyExponent, METAFIELD_VALUE_TYPES } from '../../src/sdk';

/** The value types a metafield may have (Shopify's names). */
export const VALUE_TYPES = METAFIELD_VALUE_TYPES;
export type ValueType = (typeof VALUE_TYPES)[number];

export const isValueType = (name: string): name is ValueType => (VALUE_TYPES as readonly string[]).includes(name);

export const MAX_SINGLE_LINE = 5_000;
export const MAX_MULTI_LINE = 65_535;
export const MAX_JSON_BYTES = 65_536;
export const MAX_URL = 2_048;
export const MAX_LIST_ITEMS = 128;
/** Shopify's bounds of number_integer (JavaScript's safe integers). */
export const MAX_INTEGER = 9_007_199_254_740_991n;
const DECIMAL = /^-?\d{1,13}(\.\d{1,9})?$/;
const INTEGER = /^-?(0|[1-9]\d{0,15})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A value read from its text: its canonical text (stored), or why it is not one of the type. */
export type Parsed<T> = { ok: true; value: T; text: string } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const ok = <T>(value: T, text: string): Parsed<T> => ({ ok: true, value, text });

export function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date-time's instant in milliseconds (no offset: UTC), or null when it is not ISO 8601. */
export function dateTimeMillis(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m || !validDate(m[1])) return null;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[6] && m[6] !== 'Z' && (Number(m[6].slice(1, 3)) > 23 || Number(m[6].slice(4)) > 59)) return null;
  const millis = Date.parse(m[6] ? text : `${text}Z`);
  return Number.isNaN(millis) ? null : millis;
}

/** An exact decimal as a scaled integer, to compare two decimals without floats. */
export function decimalParts(text: string): { units: bigint; scale: number } {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const units = BigInt(whole + fraction);
  return { units: text.startsWith('-') ? -units : units, scale: fraction.length };
}

/** -1, 0 or 1 as decimal `a` is below, equal to or above `b`. */
export function compareDecimals(a: string, b: string): number {
  const x = decimalParts(a);
  const y = decimalParts(b);
  const scale = Math.max(x.scale, y.scale);
  const l = x.units * 10n ** BigInt(scale - x.scale);
  const r = y.units * 10n ** BigInt(scale - y.scale);
  return l < r ? -1 : l > r ? 1 : 0;
}

function singleLine(text: string): Parsed<string> {
  if (text.length > MAX_SINGLE_LINE) return fail(`is longer than ${MAX_SINGLE_LINE} characters`);
  if (/[\r\n]/.test(text)) return fail('must be a single line');
  if (text.includes('\0')) return fail('contains a NUL character');
  return ok(text, text);
}

function money(text: string): Parsed<{ amount: string; currency_code: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('must be JSON: {"amount": "5.99", "currency_code": "USD"}');
  }
  const keys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed).sort() : [];
  if (keys.join(',') !== 'amount,currency_code') return fail('must have exactly amount and currency_code');
  const { amount, currency_code: currency } = parsed as Record<string, unknown>;
  if (typeof currency !== 'string' || !CURRENCIES.has(currency)) return fail('has an unknown currency_code');
  if (typeof amount !== 'string' || !DECIMAL.test(amount)) return fail('amount must be a decimal string');
  const digits = amount.split('.')[1]?.length ?? 0;
  if (digits > currencyExponent(currency)) {
    return fail(`amount has more decimals than ${currency} has (${currencyExponent(currency)})`);
  }
  const value = { amount, currency_code: currency };
  return ok(value, JSON.stringify(value));
}

/** Reads a value of a type from its text (metafield values are strings); its canonical text is stored. */
export function parseValue(type: ValueType, text: string): Parsed<unknown> {
  switch (type) {
    case 'single_line_text_field':
      return singleLine(text);
    case 'multi_line_text_field':
      if (text.length > MAX_MULTI_LINE) return fail(`is longer than ${MAX_MULTI_LINE} characters`);
      if (text.includes('\0')) return fail('contains a NUL character');
      return ok(text, text);
    case 'number_integer': {
      if (!INTEGER.test(text)) return fail('must be an integer');
      const n = BigInt(text);
      if (n > MAX_INTEGER || n < -MAX_INTEGER) return fail(`must be between -${MAX_INTEGER} and ${MAX_INTEGER}`);
      return ok(n, n.toString());
    }
    case 'number_decimal':
      if (!DECIMAL.test(text)) return fail('must be a decimal with up to 13 digits and 9 decimals');
      return ok(text, text);
    case 'boolean':
      if (text !== 'true' && text !== 'false') return fail('must be true or false');
      return ok(text === 'true', text);
    case 'json': {
      if (Buffer.byteLength(text) > MAX_JSON_BYTES) return fail(`is larger than ${MAX_JSON_BYTES} bytes`);
      try {
        const value: unknown = JSON.parse(text);
        return ok(value, JSON.stringify(value));
      } catch {
        return fail('must be valid JSON');
      }
    }
    case 'date':
      return validDate(text) ? ok(text, text) : fail('must be a date (YYYY-MM-DD)');
    case 'date_time': {
      const millis = dateTimeMillis(text);
      return millis === null ? fail('must be an ISO 8601 date and time') : ok(new Date(millis), text);
    }
    case 'url': {
      if (text.length > MAX_URL) return fail(`is longer than ${MAX_URL} characters`);
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return fail('must be an absolute URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('must be an http or https URL');
      return ok(url.href, text);
    }
    case 'money':
      return money(text);
    case 'list.single_line_text_field': {
      if (text.length > MAX_JSON_BYTES) return fail(`is larger than ${MAX_JSON_BYTES} bytes`);
      let items: unknown;
      try {
        items = JSON.parse(text);
      } catch {
        return fail('must be a JSON array of strings');
      }
      if (!Array.isArray(items) || !items.every((i) => typeof i === 'string')) {
        return fail('must be a JSON array of strings');
      }
      if (items.length > MAX_LIST_ITEMS) return fail(`has more than ${MAX_LIST_ITEMS} items`);
      for (const [i, item] of items.entries()) {
        const one = singleLine(item);
        if (!one.ok) return fail(`item ${i} ${one.message}`);
      }
      return ok(items, JSON.stringify(items));
    }
  }
}
