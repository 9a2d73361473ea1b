import type { UserErrorCode } from '../../src/sdk';

/** An expected failure, reported in a mutation payload's userErrors (codes as carts extend the enum). */
export interface UserError {
  field: string[];
  code:
    | UserErrorCode
    | 'LESS_THAN'
    | 'MAXIMUM_EXCEEDED'
    | 'CART_EMPTY'
    | 'DELIVERY_UNAVAILABLE'
    | 'DELIVERY_REQUIRED'
    | 'DISCOUNT_NOT_APPLICABLE';
  message: string;
}

export const MAX_LINE_QUANTITY = 999;
export const MAX_CART_LINES = 100;
const MAX_NOTE = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{3,32}$/;
const COUNTRY = /^[A-Z]{2}$/;

export interface BuyerIdentityInput {
  email?: string | null;
  phone?: string | null;
  countryCode?: string | null;
}

/** A quantity's problems: `min` is 1 when adding, 0 when updating (0 removes the line). */
export function quantityErrors(quantity: number, min: 0 | 1, field: string[]): UserError[] {
  if (!Number.isInteger(quantity) || quantity < min) {
    return [{ field, code: 'LESS_THAN', message: `Quantity must be at least ${min}` }];
  }
  if (quantity > MAX_LINE_QUANTITY) {
    return [{ field, code: 'MAXIMUM_EXCEEDED', message: `Quantity must be at most ${MAX_LINE_QUANTITY}` }];
  }
  return [];
}

export function listSizeErrors(count: number, field: string[]): UserError[] {
  return count > MAX_CART_LINES
    ? [{ field, code: 'MAXIMUM_EXCEEDED', message: `At most ${MAX_CART_LINES} lines per cart` }]
    : [];
}

export function buyerIdentityErrors(input: BuyerIdentityInput, prefix: string[]): UserError[] {
  const errors: UserError[] = [];
  const { email, phone, countryCode } = input;
  if (email != null && email !== '' && (email.length > 254 || !EMAIL.test(email))) {
    errors.push({ field: [...prefix, 'email'], code: 'INVALID', message: 'email is not a valid address' });
  }
  if (phone != null && phone !== '' && !PHONE.test(phone)) {
    errors.push({ field: [...prefix, 'phone'], code: 'INVALID', message: 'phone is not a valid number' });
  }
  if (countryCode != null && countryCode !== '' && !COUNTRY.test(countryCode)) {
    errors.push({
      field: [...prefix, 'countryCode'],
      code: 'INVALID',
      message: 'countryCode must be ISO 3166 alpha-2',
    });
  }
  return errors;
}

export function noteErrors(note: string | null | undefined, field: string[]): UserError[] {
  if (note == null) return [];
  if (note.includes('\0')) return [{ field, code: 'INVALID', message: 'note contains a NUL byte' }];
  return note.length > MAX_NOTE
    ? [{ field, code: 'TOO_LONG', message: `note is longer than ${MAX_NOTE} characters` }]
    : [];
}

/** Stored form of a buyer identity: blanks clear a value, emails are lower-cased. */
export function buyerIdentityValues(input: BuyerIdentityInput) {
  const clean = (v: string | null | undefined) => (v == null ? v : v.trim() || null);
  return {
    ...(input.email !== undefined ? { email: clean(input.email)?.toLowerCase() ?? null } : {}),
    ...(input.phone !== undefined ? { phone: clean(input.phone) } : {}),
    ...(input.countryCode !== undefined ? { country_code: clean(input.countryCode) } : {}),
  };
}
