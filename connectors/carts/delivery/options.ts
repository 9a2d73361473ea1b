import { toMinor } from '../../../src/sdk/money';
import type { StoredAddress } from './address';

export type RateKind = 'FLAT' | 'WEIGHT' | 'SUBTOTAL';

/** A shipping zone with its rates, as one statement reads them (amounts are decimal strings). */
export interface ZoneWithRates {
  id: string;
  name: string;
  /** 'DE' (a whole country), 'US-CA' (one province) or '*' (every country no other zone names). */
  regions: string[];
  rates: ShippingRateRow[];
}

export interface ShippingRateRow {
  id: string;
  zone_id: string;
  handle: string;
  title: string;
  kind: RateKind;
  price: string;
  min_weight_grams: number | null;
  max_weight_grams: number | null;
  min_subtotal: string | null;
  max_subtotal: string | null;
  free_above: string | null;
  min_delivery_days: number | null;
  max_delivery_days: number | null;
}

/** One way to deliver this cart to this address, priced. */
export interface DeliveryOption {
  handle: string;
  title: string;
  amount: bigint;
  minDeliveryDays: number | null;
  maxDeliveryDays: number | null;
}

const inRange = (value: bigint, min: bigint | null, max: bigint | null) =>
  (min === null || value >= min) && (max === null || value < max);

/** The zone that serves an address: one naming its province, else its country, else a '*' zone. */
export function zoneFor(zones: readonly ZoneWithRates[], address: StoredAddress): ZoneWithRates | null {
  const province = address.provinceCode ? `${address.countryCode}-${address.provinceCode}` : null;
  return (
    (province && zones.find((z) => z.regions.includes(province))) ||
    zones.find((z) => z.regions.includes(address.countryCode)) ||
    zones.find((z) => z.regions.includes('*')) ||
    null
  );
}

/**
 * The delivery options for a cart: the rates of the address's zone whose weight or subtotal range
 * holds the cart (ranges include their minimum, exclude their maximum), free when the subtotal reaches
 * `free_above`. Sorted by price, then handle, so the list is stable.
 */
export function deliveryOptions(
  zones: readonly ZoneWithRates[],
  address: StoredAddress | null,
  cart: { subtotal: bigint; weightGrams: number },
  currency: string,
): DeliveryOption[] {
  const zone = address ? zoneFor(zones, address) : null;
  if (!zone) return [];
  const money = (v: string | null) => (v === null ? null : toMinor(v, currency));
  const grams = BigInt(cart.weightGrams);
  const big = (v: number | null) => (v === null ? null : BigInt(v));
  return zone.rates
    .filter(
      (r) =>
        r.kind === 'FLAT' ||
        (r.kind === 'WEIGHT' && inRange(grams, big(r.min_weight_grams), big(r.max_weight_grams))) ||
        (r.kind === 'SUBTOTAL' && inRange(cart.subtotal, money(r.min_subtotal), money(r.max_subtotal))),
    )
    .map((r) => {
      const freeAbove = money(r.free_above);
      return {
        handle: r.handle,
        title: r.title,
        amount: freeAbove !== null && cart.subtotal >= freeAbove ? 0n : toMinor(r.price, currency),
        minDeliveryDays: r.min_delivery_days,
        maxDeliveryDays: r.max_delivery_days,
      };
    })
    .sort((a, b) => (a.amount === b.amount ? a.handle.localeCompare(b.handle) : a.amount < b.amount ? -1 : 1));
}
