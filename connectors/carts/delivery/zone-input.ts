import type { UserError } from '../validation';
import { COUNTRY_CODES, PROVINCES } from './countries';
import type { RateKind } from './options';

export interface ShippingRateInput {
  handle: string;
  title: string;
  kind?: RateKind | null;
  price: string;
  minWeightGrams?: number | null;
  maxWeightGrams?: number | null;
  minSubtotal?: string | null;
  maxSubtotal?: string | null;
  freeAbove?: string | null;
  minDeliveryDays?: number | null;
  maxDeliveryDays?: number | null;
}

export interface ShippingZoneInput {
  name?: string | null;
  regions?: string[] | null;
  rates?: ShippingRateInput[] | null;
}

export const MAX_ZONES = 50;
const MAX_RATES = 20;
const MAX_REGIONS = 300;
const HANDLE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const AMOUNT = /^\d{1,11}(\.\d{1,3})?$/;

/** A region is 'DE', a known province 'US-CA', or '*'. */
export function regionValid(region: string): boolean {
  if (region === '*') return true;
  const [country, province, extra] = region.split('-');
  if (extra !== undefined || !COUNTRY_CODES.has(country)) return false;
  return province === undefined || (PROVINCES[country]?.has(province) ?? false);
}

function rateErrors(rate: ShippingRateInput, at: string[]): UserError[] {
  const errors: UserError[] = [];
  const field = (name: string) => [...at, name];
  if (!HANDLE.test(rate.handle)) {
    errors.push({ field: field('handle'), code: 'INVALID', message: 'handle: lower-case letters, digits and dashes' });
  }
  if (!rate.title.trim() || rate.title.length > 255) {
    errors.push({ field: field('title'), code: 'INVALID', message: 'title must be 1 to 255 characters' });
  }
  for (const name of ['price', 'minSubtotal', 'maxSubtotal', 'freeAbove'] as const) {
    const value = rate[name];
    if (value != null && !AMOUNT.test(value)) {
      errors.push({ field: field(name), code: 'INVALID', message: `${name} must be a non-negative amount` });
    }
  }
  for (const name of ['minWeightGrams', 'maxWeightGrams', 'minDeliveryDays', 'maxDeliveryDays'] as const) {
    const value = rate[name];
    if (value != null && (value < 0 || value > 10_000_000)) {
      errors.push({ field: field(name), code: 'INVALID', message: `${name} must be at least 0` });
    }
  }
  const kind = rate.kind ?? 'FLAT';
  if (kind === 'WEIGHT' && rate.minWeightGrams == null && rate.maxWeightGrams == null) {
    errors.push({ field: field('maxWeightGrams'), code: 'BLANK', message: 'A weight rate needs a weight range' });
  }
  if (kind === 'SUBTOTAL' && rate.minSubtotal == null && rate.maxSubtotal == null) {
    errors.push({ field: field('minSubtotal'), code: 'BLANK', message: 'A subtotal rate needs a subtotal range' });
  }
  return errors;
}

/** The input's problems at their paths (`input.rates.0.handle`); `creating` requires name and regions. */
export function zoneInputErrors(input: ShippingZoneInput, creating: boolean): UserError[] {
  const errors: UserError[] = [];
  const name = input.name?.trim();
  if ((creating || input.name != null) && (!name || name.length > 255)) {
    errors.push({ field: ['input', 'name'], code: 'BLANK', message: 'name must be 1 to 255 characters' });
  }
  if (creating && !input.regions) {
    errors.push({ field: ['input', 'regions'], code: 'BLANK', message: 'A zone needs at least one region' });
  }
  if (input.regions) {
    if (input.regions.length === 0 || input.regions.length > MAX_REGIONS) {
      errors.push({ field: ['input', 'regions'], code: 'INVALID', message: `1 to ${MAX_REGIONS} regions` });
    }
    input.regions.forEach((region, i) => {
      if (!regionValid(region)) {
        errors.push({
          field: ['input', 'regions', String(i)],
          code: 'INVALID',
          message: `${region} is not an ISO 3166 region`,
        });
      }
    });
  }
  if (input.rates) {
    if (input.rates.length > MAX_RATES) {
      errors.push({ field: ['input', 'rates'], code: 'INVALID', message: `At most ${MAX_RATES} rates` });
    }
    const handles = new Set<string>();
    input.rates.forEach((rate, i) => {
      const at = ['input', 'rates', String(i)];
      errors.push(...rateErrors(rate, at));
      if (handles.has(rate.handle))
        errors.push({ field: [...at, 'handle'], code: 'TAKEN', message: 'Handles are unique in a zone' });
      handles.add(rate.handle);
    });
  }
  return errors;
}
