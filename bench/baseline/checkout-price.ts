/**
 * The baseline's cart arithmetic, as a hand-written shop would keep it: the cheapest-first delivery
 * options of the address's zone, order-wide discount codes (percentage, fixed, free shipping) checked
 * for window, limit and minimum, and tax per line on the discounted amount, added to the price. It
 * covers what the bench checkout uses (a US shop, whole-order codes), not every rule of the gateway's.
 */
import { allocate, applyRate, formatMinor, minMinor, percentRate, sumMinor, toMinor } from '../../src/sdk/money';

/** What one statement reads for a cart (bench/baseline/checkout.ts, FACTS). */
export interface CartFacts {
  cart: { id: string; delivery_address: { countryCode: string; provinceCode: string | null } | null };
  handle: string | null;
  codes: string[];
  lines: { price: string; quantity: number; requires_shipping: boolean; taxable: boolean }[];
  zones: {
    regions: string[];
    rates: {
      handle: string;
      title: string;
      price: string;
      free_above: string | null;
      min_delivery_days: number | null;
      max_delivery_days: number | null;
    }[];
  }[];
  taxes: { title: string; rate_percentage: string; applies_to_shipping: boolean }[];
  discounts: {
    id: string;
    code: string;
    title: string;
    kind: string;
    value: string;
    min_subtotal: string | null;
    usage_limit: number | null;
    usage_count: number;
    starts_at: string;
    ends_at: string | null;
    active: boolean;
    product_ids: string[] | null;
    collection_ids: string[] | null;
  }[];
}

export interface Option {
  handle: string;
  title: string;
  amount: bigint;
  minDeliveryDays: number | null;
  maxDeliveryDays: number | null;
}

export interface Price {
  options: Option[];
  selected: Option | null;
  codes: { code: string; applicable: boolean }[];
  /** Each applied discount with its whole amount (lines and shipping). */
  applied: { discount: CartFacts['discounts'][number]; amount: bigint }[];
  /** Tax per rate, summed over lines and shipping. */
  taxLines: { title: string; rate: string; amount: bigint }[];
  shippingTax: bigint;
  quantity: number;
  subtotal: bigint;
  shipping: bigint;
  discount: bigint;
  tax: bigint;
  total: bigint;
}

function optionsOf(facts: CartFacts, subtotal: bigint, currency: string): Option[] {
  const address = facts.cart.delivery_address;
  if (!address) return [];
  const province = address.provinceCode ? `${address.countryCode}-${address.provinceCode}` : null;
  const zone =
    (province && facts.zones.find((z) => z.regions.includes(province))) ||
    facts.zones.find((z) => z.regions.includes(address.countryCode)) ||
    facts.zones.find((z) => z.regions.includes('*'));
  return (zone?.rates ?? [])
    .map((r) => ({
      handle: r.handle,
      title: r.title,
      amount: r.free_above !== null && subtotal >= toMinor(r.free_above, currency) ? 0n : toMinor(r.price, currency),
      minDeliveryDays: r.min_delivery_days,
      maxDeliveryDays: r.max_delivery_days,
    }))
    .sort((a, b) => (a.amount === b.amount ? a.handle.localeCompare(b.handle) : a.amount < b.amount ? -1 : 1));
}

const applies = (d: CartFacts['discounts'][number], subtotal: bigint, currency: string, now: Date) =>
  d.active &&
  new Date(d.starts_at) <= now &&
  (d.ends_at === null || now < new Date(d.ends_at)) &&
  (d.usage_limit === null || d.usage_count < d.usage_limit) &&
  (d.min_subtotal === null || subtotal >= toMinor(d.min_subtotal, currency)) &&
  d.product_ids === null &&
  d.collection_ids === null;

export function priceOf(facts: CartFacts, currency: string): Price {
  const subtotals = facts.lines.map((l) => toMinor(l.price, currency) * BigInt(l.quantity));
  const subtotal = sumMinor(subtotals);
  const shipped = facts.lines.some((l) => l.requires_shipping);
  const options = shipped ? optionsOf(facts, subtotal, currency) : [];
  const selected = options.find((o) => o.handle === facts.handle) ?? null;
  const now = new Date();
  const codes = facts.codes.map((code) => {
    const d = facts.discounts.find((x) => x.code.toUpperCase() === code.toUpperCase());
    return { code, discount: d && applies(d, subtotal, currency, now) ? d : null };
  });
  const left = [...subtotals];
  const shipping = selected?.amount ?? 0n;
  let shippingDiscount = 0n;
  // Amounts off the lines first, free shipping last (the gateway's order).
  const ordered = codes.flatMap((c) => (c.discount ? [c.discount] : []));
  const applied = [
    ...ordered.filter((d) => d.kind !== 'FREE_SHIPPING'),
    ...ordered.filter((d) => d.kind === 'FREE_SHIPPING'),
  ].map((discount) => {
    if (discount.kind === 'FREE_SHIPPING') {
      const amount = shipping - shippingDiscount;
      shippingDiscount += amount;
      return { discount, amount };
    }
    const base = sumMinor(left);
    const whole =
      discount.kind === 'PERCENTAGE' ? applyRate(base, percentRate(discount.value)) : toMinor(discount.value, currency);
    const parts = allocate(minMinor(whole, base), left);
    parts.forEach((part, i) => (left[i] -= part));
    return { discount, amount: sumMinor(parts) };
  });
  const taxLines = facts.taxes.map((t) => {
    const rate = percentRate(t.rate_percentage);
    const lines = facts.lines.map((l, i) => (l.taxable ? applyRate(left[i], rate) : 0n));
    const onShipping = t.applies_to_shipping ? applyRate(shipping - shippingDiscount, rate) : 0n;
    return { title: t.title, rate: t.rate_percentage, amount: sumMinor(lines) + onShipping, onShipping };
  });
  const shippingTax = sumMinor(taxLines.map((t) => t.onShipping));
  const discount = subtotal - sumMinor(left) + shippingDiscount;
  const tax = sumMinor(taxLines.map((t) => t.amount));
  return {
    options,
    selected,
    codes: codes.map((c) => ({ code: c.code, applicable: c.discount !== null })),
    applied,
    taxLines: taxLines.map(({ title, rate, amount }) => ({ title, rate, amount })),
    shippingTax,
    quantity: facts.lines.reduce((n, l) => n + l.quantity, 0),
    subtotal,
    shipping,
    discount,
    tax,
    total: subtotal - discount + shipping + tax,
  };
}

/** Money as the gateway answers it. */
export const moneyOf = (minor: bigint, currency: string) => ({
  amount: formatMinor(minor, currency),
  currencyCode: currency,
});
