import type { UserError } from '../validation';
import { COUNTRY_CODES, NO_POSTAL_CODE, POSTAL_CODE, PROVINCES } from './countries';

/** Shopify's MailingAddressInput: `country` is an ISO 3166-1 alpha-2 code, `province` an ISO 3166-2 suffix. */
export interface MailingAddressInput {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  zip?: string | null;
  country?: string | null;
  phone?: string | null;
}

/** The address as the cart stores it (jsonb) and the order snapshots it. */
export interface StoredAddress {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string;
  phone: string | null;
}

const MAX_TEXT = 255;
const PHONE = /^\+?[0-9 ()-]{3,32}$/;
const clean = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

/**
 * The address, normalised, or the problems with it, each at its input path (`address.zip`): known
 * country, a street and a city, a postal code where the country has them (in its shape where that is
 * fixed), a known province where the country has provinces.
 */
export function validateAddress(
  input: MailingAddressInput,
  prefix: string[],
): { address: StoredAddress } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const at = (name: string) => [...prefix, name];
  const country = clean(input.country)?.toUpperCase() ?? null;
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === 'string' && (value.length > MAX_TEXT || value.includes('\0'))) {
      errors.push({ field: at(name), code: 'INVALID', message: `${name} is too long or not text` });
    }
  }
  if (!country) errors.push({ field: at('country'), code: 'BLANK', message: 'country is required' });
  else if (!COUNTRY_CODES.has(country)) {
    errors.push({ field: at('country'), code: 'INVALID', message: 'country must be an ISO 3166-1 alpha-2 code' });
  }
  if (!clean(input.address1)) errors.push({ field: at('address1'), code: 'BLANK', message: 'address1 is required' });
  if (!clean(input.city)) errors.push({ field: at('city'), code: 'BLANK', message: 'city is required' });
  const zip = clean(input.zip)?.toUpperCase() ?? null;
  const province = clean(input.province)?.toUpperCase() ?? null;
  if (country && COUNTRY_CODES.has(country)) {
    if (!NO_POSTAL_CODE.has(country)) {
      if (!zip) errors.push({ field: at('zip'), code: 'BLANK', message: `A postal code is required for ${country}` });
      else if (POSTAL_CODE[country] && !POSTAL_CODE[country].test(zip)) {
        errors.push({ field: at('zip'), code: 'INVALID', message: `The postal code is not valid for ${country}` });
      }
    }
    const provinces = PROVINCES[country];
    if (provinces && !province) {
      errors.push({ field: at('province'), code: 'BLANK', message: `A province is required for ${country}` });
    } else if (provinces && !provinces.has(province!)) {
      errors.push({ field: at('province'), code: 'INVALID', message: `Unknown province of ${country}` });
    }
  }
  const phone = clean(input.phone);
  if (phone && !PHONE.test(phone)) errors.push({ field: at('phone'), code: 'INVALID', message: 'phone is not valid' });
  if (errors.length > 0) return { errors };
  return {
    address: {
      firstName: clean(input.firstName),
      lastName: clean(input.lastName),
      company: clean(input.company),
      address1: clean(input.address1)!,
      address2: clean(input.address2),
      city: clean(input.city)!,
      provinceCode: PROVINCES[country!] ? province : null,
      zip: NO_POSTAL_CODE.has(country!) ? null : zip,
      countryCode: country!,
      phone,
    },
  };
}
