import { percentRate, toMinor } from '../../../src/sdk/money';
import type { DiscountInput } from '../pricing/calculate';

export type DiscountKind = 'PERCENTAGE' | 'FIXED_AMOUNT' | 'FREE_SHIPPING';

/** A discount as the tenant set it up (numbers as text, as Postgres gives them). */
export interface DiscountRow {
  id: string;
  code: string | null;
  title: string;
  kind: DiscountKind;
  value: string;
  product_ids: string[] | null;
  collection_ids: string[] | null;
  min_subtotal: string | null;
  min_quantity: number | null;
  starts_at: Date;
  ends_at: Date | null;
  usage_limit: number | null;
  usage_count: number;
  once_per_customer: boolean;
  combines: boolean;
  active: boolean;
}

/** What eligibility looks at in a cart. */
export interface DiscountCart {
  now: Date;
  subtotal: bigint;
  quantity: number;
  productIds: ReadonlySet<string>;
  collectionIds: ReadonlySet<string>;
  currency: string;
}

const entitledIn = (d: DiscountRow, cart: DiscountCart) =>
  d.product_ids === null && d.collection_ids === null
    ? true
    : (d.product_ids ?? []).some((id) => cart.productIds.has(id)) ||
      (d.collection_ids ?? []).some((id) => cart.collectionIds.has(id));

/** Whether a discount may apply to this cart: active, in its window, under its limit, its minimums met. */
export function eligible(d: DiscountRow, cart: DiscountCart): boolean {
  return (
    d.active &&
    d.starts_at <= cart.now &&
    (d.ends_at === null || cart.now < d.ends_at) &&
    (d.usage_limit === null || d.usage_count < d.usage_limit) &&
    (d.min_subtotal === null || cart.subtotal >= toMinor(d.min_subtotal, cart.currency)) &&
    (d.min_quantity === null || cart.quantity >= d.min_quantity) &&
    entitledIn(d, cart)
  );
}

export function discountInput(d: DiscountRow, currency: string): DiscountInput {
  return {
    id: d.id,
    code: d.code,
    title: d.title,
    value:
      d.kind === 'PERCENTAGE'
        ? { kind: 'PERCENTAGE', rate: percentRate(d.value) }
        : d.kind === 'FIXED_AMOUNT'
          ? { kind: 'FIXED_AMOUNT', amount: toMinor(d.value, currency) }
          : { kind: 'FREE_SHIPPING' },
    entitled:
      d.product_ids === null && d.collection_ids === null
        ? null
        : { productIds: d.product_ids ?? [], collectionIds: d.collection_ids ?? [] },
  };
}

/** A code the cart holds and whether it applies. */
export interface CodeState {
  code: string;
  applicable: boolean;
}

/**
 * The discounts that apply, in order: automatic ones (oldest first), then codes as entered. Each is
 * taken if eligible and it combines with every one taken before (a discount that does not combine
 * applies only alone). Codes that match nothing, are ineligible or do not combine are not applicable.
 */
export function chooseDiscounts(
  discounts: readonly DiscountRow[],
  codes: readonly string[],
  cart: DiscountCart,
): { applied: DiscountRow[]; codes: CodeState[] } {
  const applied: DiscountRow[] = [];
  const take = (d: DiscountRow) => {
    if (!eligible(d, cart)) return false;
    if (applied.length > 0 && !(d.combines && applied.every((a) => a.combines))) return false;
    applied.push(d);
    return true;
  };
  for (const d of discounts.filter((x) => x.code === null)) take(d);
  const byCode = new Map(discounts.filter((d) => d.code !== null).map((d) => [d.code!.toUpperCase(), d]));
  const states = codes.map((code) => {
    const d = byCode.get(code.toUpperCase());
    return { code, applicable: d !== undefined && !applied.includes(d) && take(d) };
  });
  return { applied, codes: states };
}
