import { currencyExponent, fitsCurrency, UserErrors, type UserError } from '../../src/sdk';

export const LIMITS = { title: 255, handle: 255, text: 255, description: 65_535, tags: 250, values: 100, url: 2048 };

/** Collects field errors of one input; `field(...)` paths are relative to the mutation's arguments. */
export class Checker {
  readonly errors: UserError[] = [];

  add(field: string[], code: UserError['code'], message: string): void {
    this.errors.push({ field, code, message });
  }

  /** A string field: no NUL byte, at most `max` characters, not blank when `required`. */
  text(field: string[], value: string | null | undefined, max: number, required = false): void {
    const name = field[field.length - 1];
    if (value == null) {
      if (required) this.add(field, 'BLANK', `${name} is required`);
    } else if (value.includes('\0')) this.add(field, 'INVALID', `${name} contains a NUL byte`);
    else if (value.length > max) this.add(field, 'TOO_LONG', `${name} is longer than ${max} characters`);
    else if (required && value.trim() === '') this.add(field, 'BLANK', `${name} can't be blank`);
  }

  /** A list of short strings (tags, option values). */
  texts(field: string[], values: readonly string[] | null | undefined, maxItems: number): void {
    if (values == null) return;
    if (values.length > maxItems)
      this.add(field, 'TOO_LONG', `${field[field.length - 1]} has more than ${maxItems} items`);
    values.forEach((v, i) => this.text([...field, String(i)], v, LIMITS.text, true));
  }

  /**
   * A price in the shop's currency: at least zero, at most 10 digits before the point, and no more
   * digits after it than the currency's minor unit has (JPY 0, EUR 2, KWD 3).
   */
  price(field: string[], value: string | null | undefined, currency: string): void {
    if (value == null) return;
    const name = field[field.length - 1];
    const match = /^(-)?(\d{1,10})(?:\.(\d{1,20}))?$/.exec(value.trim());
    if (!match) this.add(field, 'INVALID', `${name} must be a decimal with at most 10 digits before the point`);
    else if (match[1] && /[1-9]/.test(match[2] + (match[3] ?? '')))
      this.add(field, 'LESS_THAN_ZERO', `${name} must be zero or more`);
    else if (!fitsCurrency(value, currency)) {
      const digits = currencyExponent(currency);
      this.add(field, 'TOO_MANY_DECIMALS', `${name} has more decimals than ${currency} has (${digits})`);
    }
  }

  /** A handle: lower-case letters, digits and single dashes. */
  handle(field: string[], value: string | null | undefined): void {
    if (value == null) return;
    this.text(field, value, LIMITS.handle, true);
    if (this.errors.some((e) => e.field === field)) return;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) {
      this.add(field, 'INVALID', 'handle may contain only lower-case letters, digits and dashes');
    }
  }

  url(field: string[], url: string | URL): void {
    const value = String(url);
    if (value.length > LIMITS.url) this.add(field, 'TOO_LONG', `url is longer than ${LIMITS.url} characters`);
    else if (!/^https?:\/\//i.test(value)) this.add(field, 'INVALID', 'url must be an http or https URL');
  }

  /** Throws the collected errors, if any. */
  done(): void {
    if (this.errors.length > 0) throw new UserErrors(this.errors);
  }
}

/** A handle derived from a title: `Alpine Jacket!` becomes `alpine-jacket`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
  return slug || 'item';
}

/** Postgres' unique_violation, from pg or PGlite. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}
